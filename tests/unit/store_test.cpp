// Tests of the SQLite store: schema creation and versioning, replacement of a document on
// a second Put, transactions, error rows, the full-text index and the read-only Query.
#include "attache/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "attache/record.h"

namespace attache {
namespace {

namespace fs = std::filesystem;

Event MakeEvent(const std::string& doc_id, int n, std::string cameo, std::string sentence) {
  Event e;
  e.id = doc_id + "#e" + std::to_string(n);
  e.plover = "CONSULT";
  e.plover_mode = "third-party";
  e.context = {"diplomatic"};
  e.cameo = std::move(cameo);
  e.quad = 1;
  e.goldstein = 1.0;
  Actor rus;
  rus.span = {"émissaires russes", 4, 21};
  rus.country = "RUS";
  rus.sector = "GOV";
  rus.code = "RUSGOV";
  Actor usa;
  usa.span = {"américains", 25, 35};
  usa.country = "USA";
  usa.sector = "GOV";
  usa.code = "USAGOV";
  usa.name = "United States";
  e.source = rus;
  e.target = usa;
  e.symmetric = true;
  e.date = "2025-02-27";
  e.date_text = "jeudi";
  e.date_precision = "day";
  Place p;
  p.span = {"Istanbul", 60, 68};
  p.name = "Istanbul";
  p.country = "TUR";
  p.lat = 41.01384;
  p.lon = 28.94966;
  p.geonameid = 745044;
  p.feature = "city";
  e.location = p;
  e.sentence.index = n;
  e.sentence.span = {std::move(sentence), 0, 68};
  e.trigger = {"réunis", 44, 50};
  e.rule = "fr.se_reunir";
  e.confidence = 0.9;
  return e;
}

Document MakeDocument(const std::string& id, int n_events) {
  Document doc;
  doc.id = id;
  doc.source_uri = "in/" + id + ".txt";
  doc.lang = "fr";
  doc.title = "Rencontre russo-américaine à Istanbul";
  doc.provider = "Reuters";
  doc.published = "2025-02-27T16:25";
  doc.credits.push_back({"Jonathan Spicer", "reporter", std::string("Istanbul")});
  for (int i = 1; i <= n_events; ++i) {
    doc.events.push_back(
        MakeEvent(id, i, i == 1 ? "044" : "041",
                  i == 1 ? "Des émissaires russes et américains se sont réunis jeudi à Istanbul."
                         : "Les présidents se sont entretenus au téléphone."));
  }
  Quote q;
  q.span = {"un pas", 10, 16};
  q.verb = "a déclaré";
  q.sentence_index = 1;
  doc.quotes.push_back(q);
  Mention m;
  m.span = {"Istanbul", 60, 68};
  m.type = "GPE";
  doc.mentions.push_back(m);
  TimeMention t;
  t.span = {"jeudi", 51, 56};
  t.value = "2025-02-27";
  t.kind = "DATE";
  doc.times.push_back(t);
  return doc;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    // The pid keeps concurrent runs (other build trees, ctest -j) off each other's files.
    path_ = (fs::path(::testing::TempDir()) /
             ("attache_store_" + std::to_string(getpid()) + "_" + info->name() + ".db"))
                .string();
    RemoveFiles();
  }
  void TearDown() override { RemoveFiles(); }
  void RemoveFiles() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ec;
      fs::remove(path_ + suffix, ec);
    }
  }

  std::unique_ptr<Store> OpenOrDie() {
    auto store = Store::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // A database made by this version, then marked as written by the next schema version.
  void MakeNewerDatabase() {
    {
      auto store = OpenOrDie();
      ASSERT_NE(store, nullptr);
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const std::string bump =
        "PRAGMA user_version = " + std::to_string(Store::SchemaVersion() + 1);
    ASSERT_EQ(sqlite3_exec(db, bump.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }

  // The single value of a query, "" on error (after failing the test).
  static std::string Scalar(Store& store, const std::string& sql,
                            const std::vector<std::string>& params = {}) {
    auto result = store.Query(sql, params);
    EXPECT_TRUE(result.ok()) << sql << ": " << result.status().message();
    if (!result.ok() || result->rows.empty() || result->rows[0].empty()) return "";
    return result->rows[0][0];
  }

  std::string path_;
};

TEST_F(StoreTest, CreatesSchemaAtCurrentVersionWithWal) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_GE(Store::SchemaVersion(), 1);
  EXPECT_EQ(Scalar(*store, "SELECT user_version FROM pragma_user_version"),
            std::to_string(Store::SchemaVersion()));
  EXPECT_EQ(Scalar(*store, "SELECT journal_mode FROM pragma_journal_mode"), "wal");
  for (const char* table :
       {"documents", "events", "quotes", "mentions", "times", "errors", "events_fts"}) {
    EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM sqlite_schema WHERE name = ?1", {table}), "1")
        << table;
  }
  for (const char* index : {"events_doc", "events_date", "events_cameo", "events_dyad"}) {
    EXPECT_EQ(Scalar(*store,
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND"
                     " name = ?1",
                     {index}),
              "1")
        << index;
  }
}

TEST_F(StoreTest, ReopeningKeepsDataAndVersion) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(MakeDocument("d1", 2)).ok());
  }
  auto again = OpenOrDie();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(Scalar(*again, "SELECT user_version FROM pragma_user_version"),
            std::to_string(Store::SchemaVersion()));
  EXPECT_EQ(Scalar(*again, "SELECT count(*) FROM events"), "2");
}

TEST_F(StoreTest, RefusesADatabaseFromANewerVersion) {
  MakeNewerDatabase();
  if (HasFatalFailure()) return;
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer attache"), std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, ReadOnlyNeverCreatesAFile) {
  auto store = Store::OpenReadOnly(path_);
  EXPECT_FALSE(store.ok());
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(StoreTest, ReadOnlyReadsButRefusesWrites) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(MakeDocument("d1", 2)).ok());
  }
  auto store = Store::OpenReadOnly(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Scalar(**store, "SELECT count(*) FROM events"), "2");
  EXPECT_FALSE((*store)->Put(MakeDocument("d2", 1)).ok());
  EXPECT_FALSE((*store)->PutError("d3", "", "unreadable", "cannot read").ok());
  EXPECT_FALSE((*store)->Begin().ok());
  EXPECT_EQ(Scalar(**store, "SELECT count(*) FROM documents"), "1");
}

TEST_F(StoreTest, ReadOnlyRefusesAndLeavesAloneADatabaseWithoutSchema) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const auto size = fs::file_size(path_);
  auto store = Store::OpenReadOnly(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not an attache database"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(fs::file_size(path_), size);
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 1) << "the schema was not added";
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(StoreTest, ReadOnlyRefusesANewerVersion) {
  MakeNewerDatabase();
  if (HasFatalFailure()) return;
  auto store = Store::OpenReadOnly(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer attache"), std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, OpenFailsOnAnImpossiblePath) {
  auto store = Store::Open("/nonexistent-dir-attache/sub/x.db");
  EXPECT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("cannot open"), std::string::npos);
}

TEST_F(StoreTest, PutStoresEveryTableAndTheFullRecord) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  const Document doc = MakeDocument("d1", 2);
  ASSERT_TRUE(store->Put(doc).ok());
  EXPECT_EQ(Scalar(*store, "SELECT record FROM documents WHERE id = 'd1'"), ToJson(doc));
  EXPECT_EQ(Scalar(*store, "SELECT json_extract(record, '$.events[0].cameo') FROM documents"),
            "044");
  EXPECT_EQ(Scalar(*store, "SELECT credits FROM documents"),
            R"([{"name":"Jonathan Spicer","role":"reporter","place":"Istanbul"}])");
  EXPECT_EQ(Scalar(*store, "SELECT diagnostics FROM documents"), "[]");
  EXPECT_EQ(Scalar(*store, "SELECT title FROM documents"), "Rencontre russo-américaine à Istanbul");
  EXPECT_FALSE(Scalar(*store, "SELECT coded_at FROM documents").empty());

  auto rows = store->Query(
      "SELECT event_id, cameo, typeof(cameo), source_country, target_country, target_name,"
      " symmetric, location_country, location_geonameid, context, trigger_text, date"
      " FROM events ORDER BY seq");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_EQ(rows->columns[0], "event_id");
  const std::vector<std::string> expected = {
      "d1#e1",         "044",       "text", "RUS",    "USA",
      "United States", "1",         "TUR",  "745044", R"(["diplomatic"])",
      "réunis",        "2025-02-27"};
  EXPECT_EQ(rows->rows[0], expected);
  EXPECT_EQ(rows->rows[1][1], "041");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM quotes WHERE doc_id = 'd1'"), "1");
  EXPECT_EQ(Scalar(*store, "SELECT verb FROM quotes"), "a déclaré");
  EXPECT_EQ(Scalar(*store, "SELECT speaker_code IS NULL FROM quotes"), "1");
  EXPECT_EQ(Scalar(*store, "SELECT type FROM mentions"), "GPE");
  EXPECT_EQ(Scalar(*store, "SELECT value FROM times"), "2025-02-27");
}

TEST_F(StoreTest, SecondPutReplacesTheDocument) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(MakeDocument("d1", 2)).ok());
  ASSERT_TRUE(store->Put(MakeDocument("d2", 1)).ok());
  Document revised = MakeDocument("d1", 1);
  revised.title = "Titre révisé";
  revised.quotes.clear();
  ASSERT_TRUE(store->Put(revised).ok());
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM documents"), "2");
  EXPECT_EQ(Scalar(*store, "SELECT title FROM documents WHERE id = 'd1'"), "Titre révisé");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM events WHERE doc_id = 'd1'"), "1");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM events WHERE doc_id = 'd2'"), "1");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM quotes WHERE doc_id = 'd1'"), "0");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM mentions"), "2");
  // The full-text index follows the replacement: no hit survives from the deleted rows.
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'telephone'"),
            "0");
}

TEST_F(StoreTest, FullTextSearchFoldsAccents) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(MakeDocument("d1", 2)).ok());
  auto hits = store->Query(
      "SELECT e.event_id FROM events_fts JOIN events e ON e.id = events_fts.rowid"
      " WHERE events_fts MATCH ?1 ORDER BY e.seq",
      {"reunis istanbul"});
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->rows.size(), 1u);
  EXPECT_EQ(hits->rows[0][0], "d1#e1");
  EXPECT_EQ(
      Scalar(*store, "SELECT count(*) FROM events_fts WHERE events_fts MATCH ?1", {"téléphone"}),
      "1");
}

TEST_F(StoreTest, TransactionsCommitAndRollBack) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Begin().ok());
  EXPECT_FALSE(store->Begin().ok()) << "no nesting";
  ASSERT_TRUE(store->Put(MakeDocument("d1", 1)).ok());
  ASSERT_TRUE(store->Rollback().ok());
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM documents"), "0");

  ASSERT_TRUE(store->Begin().ok());
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(store->Put(MakeDocument("doc" + std::to_string(i), 2)).ok());
  }
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_FALSE(store->Commit().ok()) << "Commit without Begin";
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM events"), "40");

  // Uncommitted writes are dropped when the store goes away.
  ASSERT_TRUE(store->Begin().ok());
  ASSERT_TRUE(store->Put(MakeDocument("late", 1)).ok());
  store.reset();
  auto again = OpenOrDie();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(Scalar(*again, "SELECT count(*) FROM documents WHERE id = 'late'"), "0");
  EXPECT_EQ(Scalar(*again, "SELECT count(*) FROM documents"), "20");
}

TEST_F(StoreTest, ErrorsAreRecordedAndClearedBySuccess) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutError("scan", "in/scan.pdf", "binary_input", "not text").ok());
  ASSERT_TRUE(store->PutError("scan", "in/scan.pdf", "binary_input", "still not text").ok());
  ASSERT_TRUE(store->PutError("nouri", "", "empty", "no bytes").ok());
  auto rows = store->Query("SELECT id, source_uri, code, message FROM errors ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_EQ(rows->rows[0], (std::vector<std::string>{"nouri", "", "empty", "no bytes"}));
  EXPECT_EQ(rows->rows[1],
            (std::vector<std::string>{"scan", "in/scan.pdf", "binary_input", "still not text"}));
  EXPECT_EQ(Scalar(*store, "SELECT source_uri IS NULL FROM errors WHERE id = 'nouri'"), "1");
  EXPECT_FALSE(Scalar(*store, "SELECT at FROM errors LIMIT 1").empty());

  Document failed = MakeDocument("broken", 1);
  failed.failed = true;
  failed.diagnostics = {{"unreadable", "cannot decode"}};
  ASSERT_TRUE(store->Put(failed).ok());
  EXPECT_EQ(Scalar(*store, "SELECT code FROM errors WHERE id = 'broken'"), "unreadable");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM documents WHERE id = 'broken'"), "0");

  ASSERT_TRUE(store->Put(MakeDocument("scan", 1)).ok());
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM errors WHERE id = 'scan'"), "0");
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM documents WHERE id = 'scan'"), "1");
}

TEST_F(StoreTest, QueryOnlyReads) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Put(MakeDocument("d1", 1)).ok());
  EXPECT_FALSE(store->Query("DELETE FROM documents").ok());
  EXPECT_FALSE(store->Query("DROP TABLE events").ok());
  EXPECT_FALSE(store->Query("SELECT 1; DELETE FROM documents").ok());
  EXPECT_FALSE(store->Query("SELEC nonsense").ok());
  EXPECT_FALSE(store->Query("SELECT ?1", {"a", "b"}).ok());
  EXPECT_EQ(Scalar(*store, "SELECT count(*) FROM documents;"), "1");
  auto empty = store->Query("SELECT id, title FROM documents WHERE id = ?1", {"nope"});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->columns, (std::vector<std::string>{"id", "title"}));
  EXPECT_TRUE(empty->rows.empty());
}

}  // namespace
}  // namespace attache
