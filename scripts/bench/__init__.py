"""`make bench`: the build benchmark (build_bench.py) and the search benchmark (search_bench.py)."""
