"""`streamlit run serve.py`: the app (app.py) with a warm start, so the first visitor's page is as quick as the next.

Streamlit imports a page's modules and opens the dataset on the first visit; here the server does both when it starts
(app_pages/startup.py), before it accepts a connection. Streamlit runs a file that defines an st.App as an ASGI app,
and st.App's lifespan is its start-up hook. `streamlit run app.py` serves the same app, with a cold first page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st

from app_pages.startup import log, warm_up


@asynccontextmanager
async def _warm_start(_app: st.App) -> AsyncIterator[None]:
    seconds = warm_up()
    log.info("orgraph: warmed up in %.2f s; serving", seconds)
    yield None


app = st.App("app.py", lifespan=_warm_start)
