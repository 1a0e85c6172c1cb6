// `attache eval GOLD_DIR [--pred OUT.jsonl] [--json] ...`: the options of the subcommand.
// The work is done by attache::eval::RunEval (src/eval/); this header only registers the
// subcommand with CLI11 and prints what RunEval returns. Included by tools/attache.cpp.
#pragma once

#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "eval/eval_run.h"
#include "eval/report.h"

namespace attache::tools {

struct EvalCommand {
  CLI::App* app;
  std::function<int()> run;
};

inline EvalCommand AddEvalCommand(CLI::App& app, const char* argv0) {
  auto opts = std::make_shared<eval::EvalOptions>();
  auto floors = std::make_shared<std::vector<std::string>>();
  opts->argv0 = argv0;
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Score the coder against gold records (NAME.gold.json with NAME.txt beside it), or "
      "score given predictions: precision, recall, F1, CAMEO, date, location, quotes");
  cmd->add_option("gold_dir", opts->gold_dir, "Directory of attache.gold/1 files")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--pred", opts->pred_path,
                  "Score these predictions (JSON Lines records) instead of running the coder")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--json", opts->json, "Print one JSON object (score.py's keys and more)");
  cmd->add_option("--lang", opts->lang,
                  "When coding: auto (detect), gold (the gold's lang), fr or en")
      ->check(CLI::IsMember({"auto", "gold", "fr", "en"}))
      ->capture_default_str();
  cmd->add_option("--lexicon", opts->lexicon,
                  "Compiled lexicon (default: $ATTACHE_LEXICON, else attache.lex beside the "
                  "binary)");
  cmd->add_option("--save-pred", opts->save_pred,
                  "When coding, also write the coded records to this JSON Lines file");
  std::string keys;
  for (const eval::ScoreKey& k : eval::ScoreKeys()) {
    keys += keys.empty() ? "" : " ";
    keys += k.name;
  }
  cmd->add_option("--floor", *floors,
                  "KEY=MIN, e.g. f1=0.8 (" + keys + "): exit 1 when a total is below")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            const size_t eq = s.find('=');
            if (eq == std::string::npos) return "expected KEY=MIN: " + s;
            if (!eval::FindScoreKey(std::string_view(s).substr(0, eq))) {
              return "unknown key: " + s.substr(0, eq);
            }
            // The whole value, and a finite one: "0.8x" is a typo, and a NaN floor would
            // never fail.
            const std::string value = s.substr(eq + 1);
            size_t used = 0;
            double min = 0;
            try {
              min = std::stod(value, &used);
            } catch (...) {
              used = 0;
            }
            if (used == 0 || used != value.size() || !std::isfinite(min)) {
              return "not a number: " + value;
            }
            return {};
          },
          "KEY=MIN"))
      ->allow_extra_args(false);
  return {cmd, [opts, floors] {
            for (const std::string& f : *floors) {
              const size_t eq = f.find('=');
              opts->floors.emplace_back(f.substr(0, eq), std::stod(f.substr(eq + 1)));
            }
            std::string out, err;
            const int rc = eval::RunEval(*opts, &out, &err);
            std::fwrite(out.data(), 1, out.size(), stdout);
            std::fflush(stdout);
            std::fwrite(err.data(), 1, err.size(), stderr);
            return rc;
          }};
}

}  // namespace attache::tools
