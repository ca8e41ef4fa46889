# The terminal companion.
