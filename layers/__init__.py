"""Data users see and edit (tables, styles, layout templates) and the code that applies it."""
