"""The Streamlit pages that app.py navigates (overview, explorer, compare, cypher, export) and what they share
(common.py: the cached service, language, URL state; session.py: one loaded graph per dataset and backend;
startup.py: the warm start serve.py runs before the first visitor).

A page reads the URL state, calls one or two service methods and renders with views/. May import service.py,
settings, i18n, views/ and the typed results of graph/ and exporters/; no module imports a page (app.py
navigates to them by path).
"""
