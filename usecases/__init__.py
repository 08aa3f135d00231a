"""The parts of service.py that are more than a few lines: for one use case, its typed result and the function that
builds it from a store and a dataset. service.py stays the one API (its methods delegate here); these modules
import graph/ (and its sub-packages) and nothing above it: no views, pages, CLI or exporters."""
