"""The twelve resource centres: the filterable index, one page per centre, the link check."""
