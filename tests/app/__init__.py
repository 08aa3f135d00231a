"""App tests: AppTest runs of every page (both languages, both backends where it matters) and the layout and org
chart renderers; browser/ drives the real app in headless chromium. Imports the app, views and the service."""
