// attache: the command-line front end over the public API.
//
//   attache code FILE... [--lang auto|fr|en] [--published DATE] [--format doc|plover|gdelt|cameo]
//                        [--threads N] [--db attache.sqlite] [--lexicon PATH] [--dict FILE...]
//                        [--input-format auto|text|jsonl|petrarch|tabari]
//                        [--petrarch-text text|parse]
//   attache db summary --db attache.sqlite      (also: attache summary --db ...)
//   attache eval GOLD_DIR [--pred OUT.jsonl] [--json] [--lang auto|gold|fr|en] [--floor KEY=MIN]
//   attache version
//
// Each subcommand is registered by one small Add*Command function that returns the action
// to run when it is chosen; a new subcommand (eval, serve, ...) is one more such function
// and one line in main().
//
// Exit status: 0 when every input was coded, 1 when any input gave an error record (or the
// database could not be written), 2 on usage errors and when the lexicon or database cannot
// be opened.
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "attache/coder.h"
#include "attache/document.h"
#include "attache/record.h"
#include "attache/store.h"
#include "eval_command.h"
#include "ingest/input.h"
#include "record/json_writer.h"
#include "time/time.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInputErrors = 1;
constexpr int kExitUsage = 2;

// Documents written to the database per transaction.
constexpr size_t kDbBatch = 256;

// A registered subcommand: its parser node and what to run when it was chosen.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

void PrintError(const std::string& message) {
  std::fprintf(stderr, "attache: %s\n", message.c_str());
}

// --------------------------------------------------------------------------------------
// attache code

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string lang = "auto";
  std::string published;
  std::string format = "doc";
  int threads = 1;
  std::string db;
  std::string lexicon;
  std::vector<std::string> dicts;
  std::string input_format = "auto";
  std::string petrarch_text = "text";
  const char* argv0 = "attache";
};

// What a worker hands back for one input, written by the main thread in input order.
struct CodedResult {
  std::string output;  // the bytes for stdout
  bool failed = false;
  size_t events = 0;
  std::string id, source_uri, error_code, error_message;
  std::optional<attache::Document> doc;  // kept only when it goes to the database
  bool output_is_record = false;          // `output` is doc's JSON line (--format doc)
};

// Codes one input; runs on a worker thread. Never throws.
CodedResult CodeOne(const attache::Coder& coder, attache::OutputFormat format, bool keep_doc,
                    attache::ingest::InputItem& item) {
  CodedResult r;
  attache::Document doc;
  if (item.error) {
    // Not coded at all: an error record that still carries what reading noticed.
    doc.id = item.input.id;
    doc.source_uri = item.input.source_uri;
    doc.lang = item.input.lang.value_or("");
    doc.failed = true;
    doc.diagnostics.push_back({item.error->code, item.error->message});
    doc.diagnostics.insert(doc.diagnostics.end(), item.diagnostics.begin(),
                           item.diagnostics.end());
  } else {
    try {
      doc = coder.Code(item.input);
    } catch (const std::exception& e) {
      // Code() does not throw by contract; if it ever does (out of memory), the input still
      // gets its record and the run goes on.
      doc = attache::Document{};
      doc.id = item.input.id;
      doc.source_uri = item.input.source_uri;
      doc.failed = true;
      doc.diagnostics.push_back({"internal_error", std::string("coding failed: ") + e.what()});
    }
    // Reading's own diagnostics (repairs, truncation, empty) come first: they happened first.
    doc.diagnostics.insert(doc.diagnostics.begin(), item.diagnostics.begin(),
                           item.diagnostics.end());
    if (doc.failed && !item.diagnostics.empty()) {
      // The error record names its cause by the first diagnostic: keep the coder's first.
      std::rotate(doc.diagnostics.begin(),
                  doc.diagnostics.begin() + static_cast<ptrdiff_t>(item.diagnostics.size()),
                  doc.diagnostics.end());
    }
    if (doc.failed && doc.diagnostics.empty()) {
      doc.diagnostics.push_back({"coding_failed", "the document could not be coded"});
    }
  }
  r.id = doc.id;
  r.source_uri = doc.source_uri.value_or("");
  r.failed = doc.failed;
  if (doc.failed) {
    r.error_code = doc.diagnostics.front().code;
    r.error_message = doc.diagnostics.front().message;
  } else {
    r.events = doc.events.size();
  }
  r.output = attache::Render(doc, format);
  r.output_is_record = format == attache::OutputFormat::kDoc && !doc.failed;
  if (keep_doc) r.doc = std::move(doc);
  return r;
}

// Codes items on `threads` workers and hands the results to `sink` in input order, with at
// most `window` items read but not yet written (bounding memory whatever the input size).
class OrderedPool {
 public:
  using Work = std::function<CodedResult(attache::ingest::InputItem&)>;
  using Sink = std::function<void(CodedResult&)>;

  OrderedPool(int threads, Work work) : work_(std::move(work)) {
    window_ = static_cast<size_t>(threads) * 4;
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }

  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  void Run(attache::ingest::InputReader& reader, const Sink& sink) {
    size_t next_in = 0;
    size_t next_out = 0;
    bool more = true;
    attache::ingest::InputItem item;
    for (;;) {
      if (more && next_in - next_out < window_) {
        if (reader.Next(&item)) {
          {
            std::lock_guard<std::mutex> lock(mu_);
            queue_.push_back({next_in++, std::move(item)});
          }
          work_cv_.notify_one();
          next_out = Flush(next_out, sink, /*wait=*/false);
          continue;
        }
        more = false;
      }
      if (!more && next_out == next_in) break;
      next_out = Flush(next_out, sink, /*wait=*/true);
    }
  }

 private:
  struct Job {
    size_t seq;
    attache::ingest::InputItem item;
  };

  // Writes every finished result from `next` on, in order; with `wait`, first waits for
  // result `next`. Returns the next sequence number still to write.
  size_t Flush(size_t next, const Sink& sink, bool wait) {
    for (;;) {
      CodedResult r;
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (wait) done_cv_.wait(lock, [&] { return done_.count(next) > 0; });
        auto it = done_.find(next);
        if (it == done_.end()) return next;
        r = std::move(it->second);
        done_.erase(it);
      }
      sink(r);
      ++next;
      wait = false;
    }
  }

  void WorkerLoop() {
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      CodedResult r = work_(job.item);
      job.item = {};  // free the text before waiting for the writer
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_.emplace(job.seq, std::move(r));
      }
      done_cv_.notify_one();
    }
  }

  Work work_;
  size_t window_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Job> queue_;
  std::map<size_t, CodedResult> done_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Writes records to the database in batches. The first failure stops further writes but
// keeps what was written before it: the records of the failing batch that went in are
// still committed (a failed Put rolls back only its own rows).
class DbWriter {
 public:
  explicit DbWriter(attache::Store* store) : store_(store) {}

  void Write(CodedResult& r) {
    if (!ok_) return;
    // The database keeps one record per id (a later Put replaces an earlier one): two
    // inputs of one run with the same id would otherwise leave one record in silence.
    const bool repeated = !ids_.insert(r.id).second;
    if (repeated) {
      PrintError("warning: " + r.id + (r.source_uri.empty() ? "" : " (" + r.source_uri + ")") +
                 " has the id of an earlier input of this run; the database keeps one record "
                 "per id");
    }
    if (!in_batch_) {
      if (!Check(store_->Begin(), "database write failed, no further records stored")) return;
      in_batch_ = true;
    }
    attache::Status written = attache::Status::Ok();
    if (r.failed) {
      written = store_->PutError(r.id, r.source_uri, r.error_code, r.error_message);
    } else if (r.doc) {
      // The JSON line already rendered for stdout is the stored record: not built twice.
      std::string_view record;
      if (r.output_is_record && !r.output.empty() && r.output.back() == '\n')
        record = std::string_view(r.output).substr(0, r.output.size() - 1);
      written = store_->Put(*r.doc, record);
    }
    if (!Check(written, "database write failed for " + r.id + ", no further records stored")) {
      CommitBatch();
      return;
    }
    if (!repeated) ++pending_new_;
    if (++pending_ >= kDbBatch) CommitBatch();
  }

  // Commits what is pending; false when any write failed.
  bool Finish() {
    CommitBatch();
    return ok_;
  }

  // Ids (of documents or errors) committed to the database by this run.
  size_t stored() const { return stored_; }

 private:
  void CommitBatch() {
    if (!in_batch_) return;
    in_batch_ = false;
    const size_t batch = pending_, batch_new = pending_new_;
    pending_ = pending_new_ = 0;
    if (Check(store_->Commit(), "database commit failed, " + std::to_string(batch) +
                                    " records of the last batch not stored")) {
      stored_ += batch_new;
    }
  }

  bool Check(const attache::Status& s, const std::string& what) {
    if (!s.ok()) {
      PrintError(what + ": " + s.message());
      ok_ = false;
    }
    return s.ok();
  }

  attache::Store* store_;
  size_t pending_ = 0;      // records written in the open batch
  size_t pending_new_ = 0;  // of which with an id not seen before in this run
  size_t stored_ = 0;
  std::unordered_set<std::string> ids_;
  bool in_batch_ = false;
  bool ok_ = true;
};

// An ISO 8601 date or date and time that exists on the calendar and the clock: a value
// the coder could not read ("2025-02-30", "25:00") would silently leave every relative
// date unresolved.
bool ValidPublished(const std::string& s) {
  static const std::regex kIso(
      R"(\d{4}-\d{2}-\d{2}(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?)");
  std::smatch m;
  if (!std::regex_match(s, m, kIso) || !attache::timex::CivilDate::ParseIso(s)) return false;
  const auto at_most = [&](size_t group, int max) {
    return !m[group].matched || std::stoi(m[group].str()) <= max;
  };
  return at_most(1, 23) && at_most(2, 59) && at_most(3, 59) && at_most(4, 23) && at_most(5, 59);
}

int RunCode(const CodeArgs& args) {
  attache::OutputFormat format = attache::OutputFormat::kDoc;
  if (args.format == "plover") format = attache::OutputFormat::kPlover;
  if (args.format == "gdelt") format = attache::OutputFormat::kGdelt;
  if (args.format == "cameo") format = attache::OutputFormat::kCameo;

  attache::CoderOptions options;
  options.forced_lang = args.lang == "auto" ? "" : args.lang;
  options.default_published = args.published;
  options.user_dictionaries = args.dicts;

  const std::string lexicon_path =
      args.lexicon.empty() ? attache::DefaultLexiconPath(args.argv0) : args.lexicon;
  auto coder = attache::Coder::Open(lexicon_path, options);
  if (!coder.ok()) {
    PrintError("cannot load the lexicon '" + lexicon_path + "': " + coder.status().message() +
               " (build it with `ninja -C build lexicon`, or give --lexicon PATH or "
               "$ATTACHE_LEXICON)");
    return kExitUsage;
  }

  for (const auto& w : coder.value()->warnings()) std::fprintf(stderr, "attache: warning: %s\n", w.c_str());

  std::unique_ptr<attache::Store> store;
  if (!args.db.empty()) {
    auto opened = attache::Store::Open(args.db);
    if (!opened.ok()) {
      PrintError("cannot open the database '" + args.db + "': " + opened.status().message());
      return kExitUsage;
    }
    store = std::move(*opened);
  }
  DbWriter db(store.get());

  attache::ingest::ReadOptions read_options;
  read_options.max_document_bytes = options.max_document_bytes;
  read_options.format = *attache::ingest::ParseInputFormat(args.input_format);
  read_options.petrarch_text = args.petrarch_text == "parse"
                                   ? attache::ingest::PetrarchText::kParse
                                   : attache::ingest::PetrarchText::kText;
  attache::ingest::InputReader reader(args.inputs, read_options);

  // Large stdout buffer: records are written whole, in order, by this thread only.
  static char out_buffer[1 << 16];
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);

  size_t inputs = 0, coded = 0, errors = 0, events = 0;
  const attache::Coder& c = **coder;
  const bool keep_doc = store != nullptr;
  {
    OrderedPool pool(args.threads, [&](attache::ingest::InputItem& item) {
      return CodeOne(c, format, keep_doc, item);
    });
    pool.Run(reader, [&](CodedResult& r) {
      ++inputs;
      std::fwrite(r.output.data(), 1, r.output.size(), stdout);
      if (r.failed) {
        ++errors;
        PrintError("error: " + r.id + (r.source_uri.empty() ? "" : " (" + r.source_uri + ")") +
                   ": " + r.error_code + ": " + r.error_message);
      } else {
        ++coded;
        events += r.events;
      }
      if (store) db.Write(r);
    });
  }
  const bool db_ok = db.Finish();
  std::fflush(stdout);
  const bool stdout_ok = std::ferror(stdout) == 0;
  if (!stdout_ok) PrintError("writing the output failed: " + std::string(std::strerror(errno)));

  if (store) {
    std::fprintf(stderr, "attache: %zu inputs, %zu coded, %zu errors, %zu events, %zu stored\n",
                 inputs, coded, errors, events, db.stored());
  } else {
    std::fprintf(stderr, "attache: %zu inputs, %zu coded, %zu errors, %zu events\n", inputs,
                 coded, errors, events);
  }
  return (errors == 0 && db_ok && stdout_ok) ? kExitOk : kExitInputErrors;
}

Command AddCodeCommand(CLI::App& app, const char* argv0) {
  auto args = std::make_shared<CodeArgs>();
  args->argv0 = argv0;
  CLI::App* cmd = app.add_subcommand(
      "code", "Code dispatches into events (one record per input document on stdout)");
  cmd->add_option("inputs", args->inputs,
                  "Plain-text dispatches (one document per file), - for stdin, *.jsonl for "
                  "JSON Lines articles, *.xml for PETRARCH XML, *.text for TABARI story files")
      ->required();
  cmd->add_option("--input-format", args->input_format,
                  "How to read the inputs: auto goes by the suffix (.jsonl, .xml, .text; "
                  "anything else and stdin are plain text); any other applies to every "
                  "input, stdin included")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "petrarch", "tabari"}))
      ->capture_default_str();
  cmd->add_option("--petrarch-text", args->petrarch_text,
                  "What to code of a PETRARCH <Sentence>: its <Text>, or the words of its "
                  "<Parse> tree as PETRARCH does (a malformed tree is then an error record)")
      ->check(CLI::IsMember({"text", "parse"}))
      ->capture_default_str();
  cmd->add_option("--lang", args->lang, "Language of the inputs")
      ->check(CLI::IsMember({"auto", "fr", "en"}))
      ->capture_default_str();
  cmd->add_option("--published", args->published,
                  "Publication date for documents that give none (YYYY-MM-DD[THH:MM])")
      ->check(CLI::Validator(
          [](std::string& s) {
            return ValidPublished(s) ? std::string()
                                     : "not an ISO 8601 date or datetime: " + s;
          },
          "DATE"));
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"doc", "plover", "gdelt", "cameo"}))
      ->capture_default_str();
  cmd->add_option("--threads", args->threads,
                  "Worker threads (0: one per core); output is identical for any N")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_option("--db", args->db, "Also store every record in this SQLite database");
  cmd->add_option("--lexicon", args->lexicon,
                  "Compiled lexicon (default: $ATTACHE_LEXICON, else attache.lex beside the "
                  "binary)");
  cmd->add_option("--dict", args->dicts, "Extra user dictionary (repeatable)")
      ->allow_extra_args(false);
  return {cmd, [args] {
            if (args->threads == 0) {
              args->threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
            }
            return RunCode(*args);
          }};
}

// --------------------------------------------------------------------------------------
// attache db summary

// Display width in code points (close enough for the Latin and Cyrillic text of dispatches).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// At most `n` code points of `s` (the last one an ellipsis when cut); whitespace flattened.
std::string Clip(const std::string& s, size_t n) {
  std::string out;
  size_t chars = 0;
  size_t keep = std::string::npos;  // byte length of the first n - 1 code points
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) {
      if (chars + 1 == n) keep = out.size();
      if (chars == n) {
        out.resize(keep);
        return out + "…";
      }
      ++chars;
    }
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : ch);
  }
  return out;
}

void PrintTable(const attache::Store::QueryResult& table, size_t max_cell) {
  std::vector<size_t> widths(table.columns.size(), 0);
  std::vector<std::vector<std::string>> cells;
  cells.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<std::string> clipped;
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      clipped.push_back(Clip(row[i].empty() ? "-" : row[i], max_cell));
    }
    cells.push_back(std::move(clipped));
  }
  for (size_t i = 0; i < widths.size(); ++i) widths[i] = Width(table.columns[i]);
  for (const auto& row : cells) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
  }
  const auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - Width(row[i]) + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  };
  print_row(table.columns);
  std::vector<std::string> rule;
  for (const size_t w : widths) rule.push_back(std::string(w, '-'));
  print_row(rule);
  for (const auto& row : cells) print_row(row);
}

struct SummaryArgs {
  std::string db = "attache.sqlite";
  int limit = 50;
};

int RunSummary(const SummaryArgs& args) {
  if (!std::filesystem::exists(args.db)) {
    PrintError("no database at '" + args.db + "' (create one with `attache code FILE... --db " +
               args.db + "`)");
    return kExitUsage;
  }
  // A summary reads: it must not create, migrate or lock the file for writing.
  auto opened = attache::Store::OpenReadOnly(args.db);
  if (!opened.ok()) {
    PrintError("cannot read the database '" + args.db + "': " + opened.status().message());
    return kExitUsage;
  }
  attache::Store& store = **opened;

  auto counts = store.Query(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
      "(SELECT count(*) FROM errors)");
  if (!counts.ok()) {
    PrintError("cannot read the database: " + counts.status().message());
    return kExitInputErrors;
  }
  const auto& c = counts->rows.at(0);
  std::printf("%s: %s documents, %s events, %s errors\n\n", args.db.c_str(), c[0].c_str(),
              c[1].c_str(), c[2].c_str());

  auto events = store.Query(
      "SELECT date, source_code AS source, cameo, plover, target_code AS target, "
      "location_name AS location, trigger_text AS \"trigger\", sentence_text AS sentence "
      "FROM events ORDER BY date, doc_id, seq LIMIT " +
      std::to_string(args.limit));
  if (!events.ok()) {
    PrintError("cannot read the events: " + events.status().message());
    return kExitInputErrors;
  }
  if (c[1] == "0") {
    std::printf("(no events)\n");
  } else {
    PrintTable(*events, 50);
  }
  return kExitOk;
}

Command AddSummaryCommand(CLI::App& parent, const std::string& name) {
  auto args = std::make_shared<SummaryArgs>();
  CLI::App* cmd = parent.add_subcommand(name, "Print a short table of the stored events");
  cmd->add_option("--db", args->db, "SQLite database written by `attache code --db`")
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Rows to show")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return {cmd, [args] { return RunSummary(*args); }};
}

// --------------------------------------------------------------------------------------
// attache version

Command AddVersionCommand(CLI::App& app, const char* argv0) {
  CLI::App* cmd = app.add_subcommand("version", "Print the version and where data is looked for");
  std::string argv0_copy = argv0;
  return {cmd, [argv0_copy] {
            std::printf("attache %.*s\n", static_cast<int>(attache::record::kCoderVersion.size()),
                        attache::record::kCoderVersion.data());
            const std::string lex = attache::DefaultLexiconPath(argv0_copy.c_str());
            std::printf("lexicon: %s%s\n", lex.c_str(),
                        std::filesystem::exists(lex) ? "" : " (missing)");
            std::printf("database schema: %d\n", attache::Store::SchemaVersion());
            return kExitOk;
          }};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"attache: French and English news dispatches into PLOVER/CAMEO event data"};
  app.set_version_flag("--version", std::string(attache::record::kCoderVersion));
  app.require_subcommand(1);

  std::vector<Command> commands;
  commands.push_back(AddCodeCommand(app, argv[0]));
  CLI::App* db = app.add_subcommand("db", "Work with a database written by `attache code --db`");
  db->require_subcommand(1);
  commands.push_back(AddSummaryCommand(*db, "summary"));
  commands.push_back(AddSummaryCommand(app, "summary"));
  commands.push_back(AddVersionCommand(app, argv[0]));
  const attache::tools::EvalCommand eval = attache::tools::AddEvalCommand(app, argv[0]);
  commands.push_back({eval.app, eval.run});

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kExitUsage;
}
