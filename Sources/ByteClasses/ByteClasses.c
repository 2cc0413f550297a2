// Everything is in include/ByteClasses.h, as inline functions for the Swift compiler to inline
// into the reader's loops; a C target needs one source file.
#include "ByteClasses.h"
