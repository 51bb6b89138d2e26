"""Actor knowledge: PETRARCH-format dictionary parsing and the packaged actor/agent tables."""
