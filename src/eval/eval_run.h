// `attache eval`: scores the coder (or given predictions) against a directory of gold
// records. Lives in the library so the CLI only parses options (tools/eval_command.h);
// it returns its report as text instead of printing.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace attache::eval {

struct EvalOptions {
  std::string gold_dir;
  // JSON Lines predictions to score; empty: code NAME.txt beside each NAME.gold.json.
  std::string pred_path;
  // When coding: "auto" detects the language as `attache code` does; "gold" passes the
  // gold "lang" as the document's language; "fr"/"en" force one.
  std::string lang = "auto";
  std::string lexicon;            // empty: the default lookup ($ATTACHE_LEXICON, ...)
  std::string argv0 = "attache";  // for the default lexicon lookup
  std::string save_pred;          // when coding, also write the records here (JSON Lines)
  bool json = false;              // machine-readable summary instead of the text report
  // Minimums ("f1", 0.8) checked on the rounded totals: below any, the exit status is 1.
  std::vector<std::pair<std::string, double>> floors;
};

// Exit status: 0 ok, 1 below a floor, 2 on usage or I/O errors (lexicon, gold, predictions).
// `out` receives the report, `err` messages for stderr.
int RunEval(const EvalOptions& options, std::string* out, std::string* err);

}  // namespace attache::eval
