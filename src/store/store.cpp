// The SQLite store. One connection, WAL journal, statements prepared once at Open and
// reset after each use. Put() replaces a document's rows atomically: its own transaction,
// or a savepoint inside the caller's Begin()/Commit() so a failed Put never leaves half a
// document behind.
#include "attache/store.h"

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attache/record.h"
#include "record/document_parts.h"
#include "record/json_writer.h"
#include "store/schema.h"

namespace attache {
namespace {

// A prepared statement that resets itself after each execution.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }

  Status Prepare(sqlite3* db, std::string_view sql) {
    db_ = db;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt_, nullptr) != SQLITE_OK) {
      return Status::Error("store: cannot prepare statement: " + std::string(sqlite3_errmsg(db)));
    }
    return Status::Ok();
  }

  // Text is bound without a copy (SQLITE_STATIC): the caller keeps it alive until Run().
  void Text(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  void Text(int i, const std::optional<std::string>& s) {
    if (s)
      Text(i, std::string_view(*s));
    else
      sqlite3_bind_null(stmt_, i);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Int(int i, const std::optional<int64_t>& v) {
    if (v)
      Int(i, *v);
    else
      sqlite3_bind_null(stmt_, i);
  }
  void Real(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Real(int i, const std::optional<double>& v) {
    if (v)
      Real(i, *v);
    else
      sqlite3_bind_null(stmt_, i);
  }
  void Null(int i) { sqlite3_bind_null(stmt_, i); }

  // Steps a statement that returns no rows.
  Status Run() {
    const int rc = sqlite3_step(stmt_);
    Status status = Status::Ok();
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
      status = Status::Error("store: " + std::string(sqlite3_errmsg(db_)));
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return status;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

Status Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return Status::Error("store: " + message);
  }
  return Status::Ok();
}

StatusOr<int> UserVersion(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::Error("store: " + std::string(sqlite3_errmsg(db)));
  }
  int version = 0;
  const int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) version = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW) return Status::Error("store: " + std::string(sqlite3_errmsg(db)));
  return version;
}

// A part of the record as its own JSON text, for a column: the same writers as the
// document line.
template <typename T>
std::string PartJson(void (*write)(record::JsonWriter&, const T&), const T& part) {
  std::string out;
  record::JsonWriter w(&out);
  write(w, part);
  return out;
}

// Binds the five actor columns starting at `first`: code, country, sector, text, name.
void BindActor(Stmt& s, int first, const std::optional<Actor>& a) {
  if (!a) {
    for (int i = 0; i < 5; ++i) s.Null(first + i);
    return;
  }
  s.Text(first, std::string_view(a->code));
  s.Text(first + 1, a->country);
  s.Text(first + 2, a->sector);
  s.Text(first + 3, std::string_view(a->span.text));
  s.Text(first + 4, a->name);
}

// Binds a span's text, start and end at `first`, `first + 1`, `first + 2`.
void BindSpan(Stmt& s, int first, const Span& span) {
  s.Text(first, std::string_view(span.text));
  s.Int(first + 1, span.start);
  s.Int(first + 2, span.end);
}

// The five columns quotes, mentions and times begin with: doc_id, seq, text, text_start,
// text_end.
void BindSpanRow(Stmt& s, const Document& doc, int64_t seq, const Span& span) {
  s.Text(1, std::string_view(doc.id));
  s.Int(2, seq);
  BindSpan(s, 3, span);
}

constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (id, source_uri, lang, title, provider, published, version_note,"
    " credits, diagnostics, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

constexpr std::string_view kInsertEvent =
    "INSERT INTO events (doc_id, event_id, seq, sentence_index, plover, plover_mode, context,"
    " cameo, quad, goldstein,"
    " source_code, source_country, source_sector, source_text, source_name,"
    " target_code, target_country, target_sector, target_text, target_name,"
    " symmetric, date, date_text, date_precision,"
    " location_text, location_name, location_country, location_lat, location_lon,"
    " location_geonameid, location_feature,"
    " trigger_text, trigger_start, trigger_end, sentence_text, sentence_start, sentence_end,"
    " modality, rule, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
    " ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40)";

constexpr std::string_view kInsertQuote =
    "INSERT INTO quotes (doc_id, seq, text, text_start, text_end, speaker_code,"
    " speaker_country, speaker_sector, speaker_text, speaker_name, verb, date,"
    " sentence_index) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

constexpr std::string_view kInsertMention =
    "INSERT INTO mentions (doc_id, seq, text, text_start, text_end, type, name, country,"
    " sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

constexpr std::string_view kInsertTime =
    "INSERT INTO times (doc_id, seq, text, text_start, text_end, value, kind)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

constexpr std::string_view kInsertError =
    "INSERT INTO errors (id, source_uri, code, message) VALUES (?1, ?2, ?3, ?4)";

// Brings the database to SchemaVersion(), one migration per transaction. The version is
// read again under the write lock so two processes opening a new file at once do not
// both run the same script.
Status Migrate(sqlite3* db) {
  const auto migrations = store::Migrations();
  const int latest = static_cast<int>(migrations.size());
  for (;;) {
    StatusOr<int> version = UserVersion(db);
    if (!version.ok()) return version.status();
    if (*version > latest) {
      return Status::Error("store: the database has schema version " + std::to_string(*version) +
                           " but this attache knows up to " + std::to_string(latest) +
                           "; open it with a newer attache or write to a new file");
    }
    if (*version == latest) return Status::Ok();
    if (Status s = Exec(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
    StatusOr<int> locked = UserVersion(db);
    Status s = locked.ok() ? Status::Ok() : locked.status();
    if (s.ok() && *locked == *version) {
      s = Exec(db, std::string(migrations[static_cast<size_t>(*version)]));
      if (s.ok()) s = Exec(db, "PRAGMA user_version = " + std::to_string(*version + 1));
      if (!s.ok()) {
        s = Status::Error("store: migrating to schema version " + std::to_string(*version + 1) +
                          " failed: " + s.message());
      }
    }
    if (s.ok()) s = Exec(db, "COMMIT");
    if (!s.ok()) {
      Exec(db, "ROLLBACK");
      return s;
    }
  }
}

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  bool read_only = false;       // OpenReadOnly: no statement below is prepared
  bool in_transaction = false;  // inside the caller's Begin()/Commit()

  Stmt begin, commit, rollback, savepoint, release, rollback_to;
  Stmt delete_document, delete_events, delete_quotes, delete_mentions, delete_times, delete_errors;
  Stmt insert_document, insert_event, insert_quote, insert_mention, insert_time, insert_error;

  ~Impl() {
    // Finalize the statements before closing; members are destroyed after this body,
    // so close with _v2, which defers until they are gone.
    if (db && in_transaction) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    if (db) sqlite3_close_v2(db);
  }

  // Opens the connection (closed by the destructor, also after a failure).
  Status Connect(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      std::string message = db ? sqlite3_errmsg(db) : "out of memory";
      return Status::Error("store: cannot open " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return Status::Ok();
  }

  Status PrepareAll() {
    const std::pair<Stmt*, std::string_view> all[] = {
        {&begin, "BEGIN IMMEDIATE"},
        {&commit, "COMMIT"},
        {&rollback, "ROLLBACK"},
        {&savepoint, "SAVEPOINT attache_put"},
        {&release, "RELEASE attache_put"},
        {&rollback_to, "ROLLBACK TO attache_put"},
        {&delete_document, "DELETE FROM documents WHERE id = ?1"},
        {&delete_events, "DELETE FROM events WHERE doc_id = ?1"},
        {&delete_quotes, "DELETE FROM quotes WHERE doc_id = ?1"},
        {&delete_mentions, "DELETE FROM mentions WHERE doc_id = ?1"},
        {&delete_times, "DELETE FROM times WHERE doc_id = ?1"},
        {&delete_errors, "DELETE FROM errors WHERE id = ?1"},
        {&insert_document, kInsertDocument},
        {&insert_event, kInsertEvent},
        {&insert_quote, kInsertQuote},
        {&insert_mention, kInsertMention},
        {&insert_time, kInsertTime},
        {&insert_error, kInsertError},
    };
    for (const auto& [stmt, sql] : all) {
      if (Status s = stmt->Prepare(db, sql); !s.ok()) return s;
    }
    return Status::Ok();
  }

  // Runs `body` atomically: as its own transaction, or as a savepoint inside the
  // caller's transaction so that the caller's earlier writes survive a failed Put.
  template <typename Body>
  Status Atomically(Body&& body) {
    Stmt& open = in_transaction ? savepoint : begin;
    if (Status s = open.Run(); !s.ok()) return s;
    Status status = body();
    if (status.ok()) {
      status = (in_transaction ? release : commit).Run();
      if (status.ok()) return status;
    }
    if (in_transaction) {
      rollback_to.Run();
      release.Run();
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction; the
      // caller's Begin() is then gone and Commit() must say so rather than pretend.
      if (sqlite3_get_autocommit(db)) {
        in_transaction = false;
        status = Status::Error(status.message() + " (the enclosing transaction was rolled back)");
      }
    } else {
      rollback.Run();
    }
    return status;
  }

  Status DeleteDocument(const std::string& id) {
    for (Stmt* s : {&delete_events, &delete_quotes, &delete_mentions, &delete_times,
                    &delete_document, &delete_errors}) {
      s->Text(1, std::string_view(id));
      if (Status st = s->Run(); !st.ok()) return st;
    }
    return Status::Ok();
  }

  Status InsertDocument(const Document& doc, std::string_view rendered) {
    const std::string credits = PartJson(record::WriteCredits, doc.credits);
    const std::string diagnostics = PartJson(record::WriteDiagnostics, doc.diagnostics);
    const std::string own = rendered.empty() ? ToJson(doc) : std::string();
    const std::string_view record = rendered.empty() ? std::string_view(own) : rendered;
    Stmt& s = insert_document;
    s.Text(1, std::string_view(doc.id));
    s.Text(2, doc.source_uri);
    s.Text(3, std::string_view(doc.lang));
    s.Text(4, doc.title);
    s.Text(5, doc.provider);
    s.Text(6, doc.published);
    s.Text(7, doc.version_note);
    s.Text(8, std::string_view(credits));
    s.Text(9, std::string_view(diagnostics));
    s.Text(10, record);
    return s.Run();
  }

  Status InsertEvent(const Document& doc, const Event& e, int64_t seq) {
    const std::string context = PartJson(record::WriteStringArray, e.context);
    Stmt& s = insert_event;
    s.Text(1, std::string_view(doc.id));
    s.Text(2, std::string_view(e.id));
    s.Int(3, seq);
    s.Int(4, e.sentence.index);
    s.Text(5, e.plover);
    s.Text(6, e.plover_mode);
    s.Text(7, std::string_view(context));
    s.Text(8, std::string_view(e.cameo));
    s.Int(9, e.quad);
    s.Real(10, e.goldstein);
    BindActor(s, 11, e.source);
    BindActor(s, 16, e.target);
    s.Int(21, e.symmetric ? 1 : 0);
    s.Text(22, e.date);
    s.Text(23, e.date_text);
    s.Text(24, std::string_view(e.date_precision));
    if (e.location) {
      const Place& p = *e.location;
      s.Text(25, std::string_view(p.span.text));
      s.Text(26, std::string_view(p.name));
      s.Text(27, std::string_view(p.country));
      s.Real(28, p.lat);
      s.Real(29, p.lon);
      s.Int(30, p.geonameid);
      s.Text(31, std::string_view(p.feature));
    } else {
      for (int i = 25; i <= 31; ++i) s.Null(i);
    }
    BindSpan(s, 32, e.trigger);
    BindSpan(s, 35, e.sentence.span);
    s.Text(38, std::string_view(e.modality));
    s.Text(39, std::string_view(e.rule));
    s.Real(40, e.confidence);
    return s.Run();
  }

  Status InsertQuote(const Document& doc, const Quote& q, int64_t seq) {
    Stmt& s = insert_quote;
    BindSpanRow(s, doc, seq, q.span);
    BindActor(s, 6, q.speaker);
    s.Text(11, q.verb);
    s.Text(12, q.date);
    s.Int(13, q.sentence_index);
    return s.Run();
  }

  Status InsertMention(const Document& doc, const Mention& m, int64_t seq) {
    Stmt& s = insert_mention;
    BindSpanRow(s, doc, seq, m.span);
    s.Text(6, std::string_view(m.type));
    s.Text(7, m.name);
    s.Text(8, m.country);
    s.Text(9, m.sector);
    return s.Run();
  }

  Status InsertTime(const Document& doc, const TimeMention& t, int64_t seq) {
    Stmt& s = insert_time;
    BindSpanRow(s, doc, seq, t.span);
    s.Text(6, std::string_view(t.value));
    s.Text(7, std::string_view(t.kind));
    return s.Run();
  }

  // Inserts every row of `rows` with `insert`, numbering them from 0 (the seq column).
  template <typename Row>
  Status InsertEach(const Document& doc, const std::vector<Row>& rows,
                    Status (Impl::*insert)(const Document&, const Row&, int64_t)) {
    int64_t seq = 0;
    for (const Row& row : rows) {
      if (Status s = (this->*insert)(doc, row, seq++); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status PutRows(const Document& doc, std::string_view rendered) {
    if (Status s = DeleteDocument(doc.id); !s.ok()) return s;
    if (Status s = InsertDocument(doc, rendered); !s.ok()) return s;
    if (Status s = InsertEach(doc, doc.events, &Impl::InsertEvent); !s.ok()) return s;
    if (Status s = InsertEach(doc, doc.quotes, &Impl::InsertQuote); !s.ok()) return s;
    if (Status s = InsertEach(doc, doc.mentions, &Impl::InsertMention); !s.ok()) return s;
    return InsertEach(doc, doc.times, &Impl::InsertTime);
  }

  // An error replaces the earlier errors of the same id but leaves an earlier document
  // record in place: a transient read failure should not erase good data.
  Status PutErrorRows(const std::string& id, const std::string& source_uri, const std::string& code,
                      const std::string& message) {
    delete_errors.Text(1, std::string_view(id));
    if (Status s = delete_errors.Run(); !s.ok()) return s;
    Stmt& s = insert_error;
    s.Text(1, std::string_view(id));
    if (source_uri.empty())
      s.Null(2);
    else
      s.Text(2, std::string_view(source_uri));
    s.Text(3, std::string_view(code));
    s.Text(4, std::string_view(message));
    return s.Run();
  }
};

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  if (Status s = impl->Connect(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !s.ok()) {
    return s;
  }
  // WAL lets readers (the CLI summary, a web page) look while a run writes; NORMAL sync
  // is safe under WAL and only risks the last commits on power loss, not corruption.
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
    if (Status s = Exec(impl->db, pragma); !s.ok()) {
      return Status::Error("store: cannot open " + path + ": " + s.message());
    }
  }
  if (Status s = Migrate(impl->db); !s.ok()) return s;
  if (Status s = impl->PrepareAll(); !s.ok()) return s;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

StatusOr<std::unique_ptr<Store>> Store::OpenReadOnly(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->read_only = true;
  if (Status s = impl->Connect(path, SQLITE_OPEN_READONLY); !s.ok()) return s;
  StatusOr<int> version = UserVersion(impl->db);
  if (!version.ok()) {
    return Status::Error("store: cannot read " + path + ": " + sqlite3_errmsg(impl->db));
  }
  const int latest = SchemaVersion();
  if (*version == 0) {
    return Status::Error("store: " + path +
                         " is not an attache database (it has no schema version); write one "
                         "with `attache code FILE... --db " + path + "`");
  }
  if (*version < latest) {
    return Status::Error("store: " + path + " has schema version " + std::to_string(*version) +
                         ", older than this attache's " + std::to_string(latest) +
                         "; `attache code ... --db " + path +
                         "` migrates it (reading never does)");
  }
  if (*version > latest) {
    return Status::Error("store: " + path + " has schema version " + std::to_string(*version) +
                         " but this attache knows up to " + std::to_string(latest) +
                         "; read it with a newer attache");
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::SchemaVersion() { return static_cast<int>(store::Migrations().size()); }

namespace {
Status ReadOnlyError() { return Status::Error("store: the database was opened read-only"); }
}  // namespace

Status Store::Put(const Document& doc, std::string_view record) {
  if (impl_->read_only) return ReadOnlyError();
  if (doc.failed) {
    const std::string code = doc.diagnostics.empty() ? "failed" : doc.diagnostics[0].code;
    const std::string message =
        doc.diagnostics.empty() ? "the document could not be coded" : doc.diagnostics[0].message;
    return PutError(doc.id, doc.source_uri.value_or(""), code, message);
  }
  return impl_->Atomically([&] { return impl_->PutRows(doc, record); });
}

Status Store::PutError(const std::string& id, const std::string& source_uri,
                       const std::string& code, const std::string& message) {
  if (impl_->read_only) return ReadOnlyError();
  return impl_->Atomically([&] { return impl_->PutErrorRows(id, source_uri, code, message); });
}

Status Store::Begin() {
  if (impl_->read_only) return ReadOnlyError();
  if (impl_->in_transaction) return Status::Error("store: Begin() inside a transaction");
  if (Status s = impl_->begin.Run(); !s.ok()) return s;
  impl_->in_transaction = true;
  return Status::Ok();
}

Status Store::Commit() {
  if (!impl_->in_transaction) return Status::Error("store: Commit() without Begin()");
  Status s = impl_->commit.Run();
  // A failed COMMIT (e.g. disk full) leaves the transaction open; roll it back so the
  // store is usable again and the caller's error is the only outcome.
  if (!s.ok()) impl_->rollback.Run();
  impl_->in_transaction = false;
  return s;
}

Status Store::Rollback() {
  if (!impl_->in_transaction) return Status::Error("store: Rollback() without Begin()");
  impl_->in_transaction = false;
  return impl_->rollback.Run();
}

StatusOr<Store::QueryResult> Store::Query(const std::string& sql,
                                          const std::vector<std::string>& params) {
  sqlite3* db = impl_->db;
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail) != SQLITE_OK) {
    return Status::Error("store: " + std::string(sqlite3_errmsg(db)));
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  if (!stmt) return Status::Error("store: empty query");
  for (const char* p = tail; p && *p; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != ';') {
      return Status::Error("store: Query() runs one statement at a time");
    }
  }
  if (!sqlite3_stmt_readonly(stmt.get())) {
    return Status::Error("store: Query() only reads; the store writes through Put()");
  }
  if (static_cast<int>(params.size()) > sqlite3_bind_parameter_count(stmt.get())) {
    return Status::Error("store: more parameters than placeholders in the query");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    sqlite3_bind_text(stmt.get(), static_cast<int>(i + 1), params[i].data(),
                      static_cast<int>(params[i].size()), SQLITE_STATIC);
  }
  QueryResult result;
  const int ncol = sqlite3_column_count(stmt.get());
  result.columns.reserve(static_cast<size_t>(ncol));
  for (int c = 0; c < ncol; ++c) {
    const char* name = sqlite3_column_name(stmt.get(), c);
    result.columns.emplace_back(name ? name : "");
  }
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    std::vector<std::string>& row = result.rows.emplace_back();
    row.reserve(static_cast<size_t>(ncol));
    for (int c = 0; c < ncol; ++c) {
      const auto* text = sqlite3_column_text(stmt.get(), c);
      const int len = sqlite3_column_bytes(stmt.get(), c);
      row.emplace_back(
          text ? std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(len))
               : std::string());
    }
  }
  if (rc != SQLITE_DONE) return Status::Error("store: " + std::string(sqlite3_errmsg(db)));
  return result;
}

}  // namespace attache
