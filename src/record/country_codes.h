// Country code conversions the output formats need (internal to the record sinks).
#pragma once

#include <string_view>

namespace attache::record {

// The ISO 3166-1 alpha-2 code for an alpha-3 code ("TUR" -> "TR"), case-insensitive on
// input; empty when the code is unknown (IGO, NGO, made-up codes).
std::string_view Iso3ToIso2(std::string_view iso3);

}  // namespace attache::record
