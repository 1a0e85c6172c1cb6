// The store's schema as an ordered list of migrations: script i takes a database from
// user_version i to i + 1. A later version appends scripts, never edits shipped ones, so
// every database can be brought forward from whatever version wrote it.
#pragma once

#include <span>
#include <string_view>

namespace attache::store {

std::span<const std::string_view> Migrations();

}  // namespace attache::store
