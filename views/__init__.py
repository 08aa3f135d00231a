"""Rendering for the app: domain objects to escaped HTML, pyvis networks and tables (render.py), and the charts the
pages draw (charts.py). Pages in app_pages/ call these; nothing here reads widgets or the URL.
"""
