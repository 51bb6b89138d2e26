"""The REST API and the web page (served by ``newsevents serve``)."""
