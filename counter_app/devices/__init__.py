"""The counter's devices: the scanner (camera, decoders, keyboard wedge) and, later, the receipt printer."""
