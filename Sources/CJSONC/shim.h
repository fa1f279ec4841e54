#ifndef PALISADE_CJSONC_SHIM_H
#define PALISADE_CJSONC_SHIM_H
#include <json-c/json.h>
#endif
