"""The shape of the code, read from the source with `ast`: no import circle, layers that point one way, no module
over 400 lines, and a docstring in every package saying what it owns."""
