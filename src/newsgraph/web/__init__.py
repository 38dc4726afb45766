"""The analysts' dashboard: static pages (``static/``) and the routes only the dashboard needs
(:mod:`newsgraph.web.routes`: the events explorer with its CSV download, the map, the rolled-up
network). The queries behind them are in :mod:`newsgraph.web.queries`, usable without a server.
"""
