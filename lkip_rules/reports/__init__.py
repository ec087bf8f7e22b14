"""Faces: turning results into tables, workbooks, charts and trees for people.

The core never imports from here. Heavy optional libraries (openpyxl, matplotlib) are
imported inside the functions that need them.
"""
