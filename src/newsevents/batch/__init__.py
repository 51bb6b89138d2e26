"""Batch coding: the per-document steps every batch shares (``coding``), a local pool of
processes (``pool``, ``newsevents code --jobs``) and the worker side of the Spark job
(``worker``; ``newsevents.spark`` drives it).

Nothing here imports PySpark: workers receive raw items and return plain objects or tuples.
"""
