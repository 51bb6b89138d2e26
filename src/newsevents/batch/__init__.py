"""Batch coding on a cluster: the worker side of the Spark job (``newsevents.spark`` drives it).

Nothing here imports PySpark: workers receive raw items and return plain tuples.
"""
