#include "eval/eval_run.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "attache/coder.h"
#include "attache/record.h"
#include "eval/report.h"
#include "eval/text_match.h"
#include "ingest/input.h"

namespace attache::eval {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitBelowFloor = 1;
constexpr int kExitUsage = 2;

std::string StrField(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// The publication date gold gives for a document: doc.published, else dispatch_date.
std::string GoldPublished(const Json& gold) {
  std::string p = StrField(gold.is_object() && gold.contains("doc") ? gold["doc"] : Json(), "published");
  if (p.empty()) p = StrField(gold, "published");
  if (p.empty()) p = StrField(gold, "dispatch_date");
  return p;
}

// The text file beside a gold file: NAME.txt, else the gold's own "file".
std::optional<std::string> TextPath(const std::string& dir, const GoldDoc& g) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::path(dir) / (g.name + ".txt");
  if (fs::is_regular_file(p, ec)) return p.string();
  const std::string file = StrField(g.gold, "file");
  if (!file.empty()) {
    p = fs::path(dir) / file;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return std::nullopt;
}

// Codes the text beside every gold file, the way `attache code FILE` does; a document
// whose text carries no publication stamp is coded again with the gold's date (else its
// relative dates could not be resolved at all, which is not what the gold measures).
int CodeGold(const EvalOptions& options, const std::vector<GoldDoc>& gold, Predictions* preds,
             std::string* err) {
  CoderOptions coder_options;
  if (options.lang == "fr" || options.lang == "en") coder_options.forced_lang = options.lang;
  const std::string lexicon =
      options.lexicon.empty() ? DefaultLexiconPath(options.argv0.c_str()) : options.lexicon;
  auto coder = Coder::Open(lexicon, coder_options);
  if (!coder.ok()) {
    *err += "attache: cannot load the lexicon '" + lexicon + "': " + coder.status().message() +
            " (give --lexicon PATH or $ATTACHE_LEXICON)\n";
    return kExitUsage;
  }
  std::ofstream save;
  if (!options.save_pred.empty()) {
    save.open(options.save_pred, std::ios::binary | std::ios::trunc);
    if (!save) {
      *err += "attache: cannot write " + options.save_pred + "\n";
      return kExitUsage;
    }
  }
  ingest::ReadOptions read_options;
  read_options.max_document_bytes = coder_options.max_document_bytes;
  for (const GoldDoc& g : gold) {
    const auto path = TextPath(options.gold_dir, g);
    if (!path) {
      *err += "attache: eval: no text beside " + g.path + " (expected " + g.name +
              ".txt): scored as a document without output\n";
      continue;
    }
    ingest::InputReader reader({*path}, read_options);
    ingest::InputItem item;
    if (!reader.Next(&item)) continue;
    std::string record;
    if (item.error) {
      record = ErrorRecordJson(item.input.id, item.input.source_uri.value_or(""),
                               item.error->code, item.error->message);
    } else {
      if (options.lang == "gold") {
        const std::string lang = StrField(g.gold, "lang");
        if (lang == "fr" || lang == "en") item.input.lang = lang;
      }
      Document doc = (**coder).Code(item.input);
      const std::string published = GoldPublished(g.gold);
      if (!doc.failed && !doc.published && !published.empty()) {
        item.input.published = published;
        doc = (**coder).Code(item.input);
        doc.diagnostics.push_back(
            {"eval_published_from_gold", "no publication date in the text: coded with the "
                                         "gold's " + published});
      }
      doc.diagnostics.insert(doc.diagnostics.begin(), item.diagnostics.begin(),
                             item.diagnostics.end());
      record = ToJson(doc);
    }
    if (save.is_open()) save << record << '\n';
    try {
      (*preds)[g.name] = Json::parse(record);
    } catch (const std::exception& e) {
      *err += "attache: eval: the record of " + g.name + " is not valid JSON: " + e.what() + "\n";
      return kExitUsage;
    }
  }
  if (save.is_open()) {
    // A full disk must not leave a silently truncated predictions file behind.
    save.close();
    if (save.fail()) {
      *err += "attache: eval: writing " + options.save_pred + " failed\n";
      return kExitUsage;
    }
  }
  return kExitOk;
}

}  // namespace

int RunEval(const EvalOptions& options, std::string* out, std::string* err) {
  auto gold = ReadGoldDir(options.gold_dir);
  if (!gold.ok()) {
    *err += "attache: eval: " + gold.status().message() + "\n";
    return kExitUsage;
  }
  if (gold->empty()) {
    *err += "attache: eval: no gold files (*.gold.json) in " + options.gold_dir + "\n";
    return kExitUsage;
  }
  Predictions preds;
  if (!options.pred_path.empty()) {
    auto read = ReadPredictions(options.pred_path);
    if (!read.ok()) {
      *err += "attache: eval: " + read.status().message() + "\n";
      return kExitUsage;
    }
    preds = std::move(*read);
  } else {
    const int rc = CodeGold(options, *gold, &preds, err);
    if (rc != kExitOk) return rc;
  }
  const Report report = BuildReport(*gold, preds);
  *out += options.json ? RenderJson(report) + "\n" : RenderText(report);

  int rc = kExitOk;
  for (const auto& [key, floor] : options.floors) {
    const ScoreKey* score = FindScoreKey(key);
    const auto value = score ? score->value(report.total) : std::nullopt;
    const double v = value ? Round3(*value) : 0.0;
    if (v < floor) {
      *err += "attache: eval: " + key + " " + PyFloatRepr(v) + " is below the floor " +
              PyFloatRepr(floor) + "\n";
      rc = kExitBelowFloor;
    }
  }
  return rc;
}

}  // namespace attache::eval
