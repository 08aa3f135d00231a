"""Rendering for the app, kept out of app_pages/ so that a page only reads the URL state, calls the service and
calls these: domain objects to escaped HTML, pyvis networks, plotly figures and tables (render.py), chart assembly
(charts.py), the org chart (orgchart.py), each page's figures and panels (overview.py, agency_panel.py, history.py,
the Cypher page's editor, results and messages) and the Streamlit pieces of our own (components.py, widgets.py).
Everything takes the language explicitly; nothing here reads the URL.

May import `graph` and its sub-packages, usecases/ and service.py for their typed results, exporters.style (one
visual vocabulary for diagrams and the app) and i18n; never app_pages/ (pages import views, not the reverse).
"""
