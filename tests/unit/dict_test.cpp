// User dictionaries: attache's own format, the TABARI/PETRARCH formats on small hand-written
// examples, and robustness (odd lines become warnings, never a crash).
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "dict/dictionaries.h"
#include "text/strings.h"

namespace {

using attache::dict::DictEvent;
using attache::dict::FileKind;
using attache::dict::UserDictionaries;
using Coding = std::tuple<std::string, std::string, std::string>;

// Dictionaries with the coder's English function words (data/lang/en/dictcoder.txt), as
// Coder::Open gives them from the lexicon's packs.
UserDictionaries Dicts() {
  UserDictionaries d;
  auto body = attache::text::ReadFile(std::string(ATTACHE_SOURCE_DIR) + "/data/lang/en/dictcoder.txt");
  EXPECT_TRUE(body.ok()) << body.status().message();
  if (body.ok()) {
    EXPECT_TRUE(d.LoadWords("lang/en/dictcoder.txt", *body).ok());
  }
  return d;
}

std::set<Coding> Code(const UserDictionaries& d, std::string_view text, int32_t date = 20240101) {
  std::vector<DictEvent> ev;
  attache::dict::SentenceContext ctx;
  ctx.date = date;
  attache::dict::CodeText(d, text, ctx, ev);
  std::set<Coding> out;
  for (const auto& e : ev) out.insert({e.source, e.target, e.cameo});
  return out;
}

constexpr std::string_view kOwn = R"(# attache user dictionary
actor | Freedonia; Freedonian | code=FRD
actor | Sylvania | code=SYL
actor | Rufus T. Firefly | code=FRDGOV from=1933-01-01 to=1933-12-31
actor | Rufus T. Firefly | code=FRDELI from=1934-01-01
agent | foreign minister; foreign ministers | code=~GOVFRM
agent | rebels | code=~REB
discard | football match | story
synset | AIDWORDS | food aid; medicine

[verb.condemn]
verbs = condemn, denounce
cameo = 122

[verb.send]
verbs = send {sent}
cameo = ---
pattern = * &AIDWORDS [073]
pattern = * troops [150]
)";

TEST(Dict, OwnFormatActorsAgentsAndFrames) {
  UserDictionaries d = Dicts();
  d.LoadText("own.txt", kOwn, FileKind::kAuto);
  EXPECT_TRUE(d.warnings().empty()) << d.warnings()[0].message;
  EXPECT_EQ(Code(d, "Freedonia condemned Sylvania on Monday."), (std::set<Coding>{{"FRD", "SYL", "122"}}));
  EXPECT_EQ(Code(d, "The Freedonian foreign minister denounced Sylvanian rebels."),
            (std::set<Coding>{{"FRDGOVFRM", "---REB", "122"}}));
  EXPECT_EQ(Code(d, "Freedonia sent food aid to Sylvania."), (std::set<Coding>{{"FRD", "SYL", "073"}}));
  EXPECT_EQ(Code(d, "Freedonia sent troops to Sylvania."), (std::set<Coding>{{"FRD", "SYL", "150"}}));
  EXPECT_TRUE(Code(d, "Freedonia sent a letter to Sylvania.").empty());  // "---": no event
  EXPECT_TRUE(Code(d, "Freedonia condemned Sylvania after the football match.").empty());
  // Dated codes.
  EXPECT_EQ(Code(d, "Rufus T. Firefly condemned Sylvania.", 19330601), (std::set<Coding>{{"FRDGOV", "SYL", "122"}}));
  EXPECT_EQ(Code(d, "Rufus T. Firefly condemned Sylvania.", 19350601), (std::set<Coding>{{"FRDELI", "SYL", "122"}}));
}

TEST(Dict, RuleIdNamesFileAndLine) {
  UserDictionaries d = Dicts();
  d.LoadText("own.txt", kOwn, FileKind::kAuto);
  std::vector<DictEvent> ev;
  attache::dict::CodeText(d, "Freedonia sent food aid to Sylvania.", {}, ev);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].rule, "dict:own.txt:18");  // the pattern line
}

TEST(Dict, PetrarchFormats) {
  UserDictionaries d = Dicts();
  d.LoadText("v.txt", R"(&TIES
+DIPLOMATIC TIES
+RELATIONS

--- RESTORE [064] ---
RESTORE
- NOT * &TIES [112]  # a comment

--- MEET [031:031] ---
MEET {MET}
- % * [031:031]
)", FileKind::kVerbs);
  d.LoadText("a.txt", R"(FREEDONIA [FRD]
+FREEDONIAN
SYLVANIA [SYL]
	[SYLREB <19300101]
)", FileKind::kActors);
  d.LoadText("g.txt", "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nMSF {} [NGO~]\n", FileKind::kAgents);
  EXPECT_TRUE(d.warnings().empty()) << d.warnings()[0].message;
  EXPECT_EQ(Code(d, "Freedonia restored relations with Sylvania."), (std::set<Coding>{{"FRD", "SYL", "064"}}));
  EXPECT_EQ(Code(d, "Freedonia did not restore diplomatic ties with Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "112"}}));
  EXPECT_EQ(Code(d, "Freedonia did not restore order in Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "064"}}));  // the pattern needs the synset
  EXPECT_EQ(Code(d, "Freedonia will meet Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "031"}, {"SYL", "FRD", "031"}}));
  EXPECT_EQ(Code(d, "Freedonia and Sylvania met."), (std::set<Coding>{{"FRD", "SYL", "031"}, {"SYL", "FRD", "031"}}));
  EXPECT_EQ(Code(d, "A Freedonian congresswoman restored ties with MSF Sylvania."),
            (std::set<Coding>{{"FRDLEG", "NGOSYL", "064"}}));
  EXPECT_EQ(Code(d, "Freedonia restored ties with Sylvania.", 19250101), (std::set<Coding>{{"FRD", "SYLREB", "064"}}));
}

TEST(Dict, TabariFormatsAndStems) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", R"(<SYNSETS>
&AID
+FOOD_AID
</SYNSETS>
<TIME>
YESTERDAY [-1]
- * AND TODAY [- - -]
ONCE_UPON_A_TIME [###]
WHEN_PEACE_COMES [+++]
</TIME>
CRITICI  [121] ;stem: criticize, criticized, criticism
SEND_ [---]
{ SENT_ }
- * &AID TO_ +  [073] ;target after TO
)", FileKind::kVerbs);
  d.LoadText("t.actors", "FREEDONIA [FRD] ;comment\nSYLVANIA_ [SYL]\n", FileKind::kActors);
  EXPECT_EQ(Code(d, "Freedonian officials criticized Sylvania."), (std::set<Coding>{{"FRD", "SYL", "121"}}));
  EXPECT_TRUE(Code(d, "Freedonia criticized Sylvanians.").empty());  // SYLVANIA_ is exact
  EXPECT_EQ(Code(d, "Freedonia sent food aid to Sylvania."), (std::set<Coding>{{"FRD", "SYL", "073"}}));
  // <TIME>: a shift in days, a discard, a complex sentence; SET: TIME SHIFT = FALSE ignores them.
  for (const auto& w : d.warnings()) EXPECT_EQ(w.message.find("TIME"), std::string::npos) << w.message;
  std::vector<DictEvent> ev;
  attache::dict::CodeText(d, "Yesterday Freedonia criticized Sylvania.", {}, ev);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date_shift, -1);
  ev.clear();
  attache::dict::CodeText(d, "Yesterday and today Freedonia criticized Sylvania.", {}, ev);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date_shift, 0);
  EXPECT_TRUE(Code(d, "Once upon a time Freedonia criticized Sylvania.").empty());
  EXPECT_TRUE(Code(d, "When peace comes, Freedonia criticized Sylvania.").empty());
  d.options.time_shift = false;
  EXPECT_EQ(Code(d, "When peace comes, Freedonia criticized Sylvania."), (std::set<Coding>{{"FRD", "SYL", "121"}}));
}

TEST(Dict, OddLinesAreWarningsNotCrashes) {
  UserDictionaries d = Dicts();
  d.LoadText("bad.verbs", "--- X\n- * [\n- no star [010]\n~ a b = c\n{ orphan }\n[[[\n\x01\xff\n--- Y [020] ---\nY\n- * * [1]\n",
             FileKind::kVerbs);
  d.LoadText("bad.actors", "\t[ABC 950101]\n+ORPHAN\nNOCODE\n[\nX [Y 99999-1]\nZ [Z <bad]\n", FileKind::kActors);
  d.LoadText("bad.agents", "!X! MAN\nNOCODE\nA [GOV]\n", FileKind::kAgents);
  d.LoadText("bad.txt", "actor | X\nfoo | bar\nagent | Y | code=GOV\n[verb.z]\nwhat = ever\n", FileKind::kAttache);
  EXPECT_GE(d.warnings().size(), 10u);
  std::vector<DictEvent> ev;
  attache::dict::CodeText(d, "Y X Z orphan nocode", {}, ev);
}

// PETRARCH verb words are whole words: "departx" is not a form of DEPART.
TEST(Dict, PetrarchVerbsAreWholeWords) {
  UserDictionaries d = Dicts();
  d.LoadText("p.verbs.txt", "--- DEPART [032] ---\nDEPART\n", FileKind::kVerbs);
  d.LoadText("p.actors.txt", "ESTONIA [EST]\nLIBYA [LBY]\n", FileKind::kActors);
  EXPECT_EQ(Code(d, "Estonia departed from Libya."), (std::set<Coding>{{"EST", "LBY", "032"}}));
  EXPECT_TRUE(Code(d, "Estonia departx from Libya.").empty());
}

// TABARI: a '?' code gives way to a later verb whose pattern names it; '=' is that word only;
// CONVERT AGENT; a pronoun stands for the sentence's first actor.
TEST(Dict, TabariVerbRulesAndOptions) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "SAID  [023?] ;x\nACT_ [100]\n- SAID WOULD * NOW  [101]\nBAN= [191]\n"
             "URGE  [102]\nASK  [090]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "ESTONIA_  [EST] ;x\nLIBYA_  [LBY]\nMOUSE= [MUS]\nELROND [ELF]\n"
             "BREE [BRE]\nGONDOR [GON]\n", FileKind::kActors);
  d.LoadText("t.agents", "GUERRILLA_   [ ~REB] ;x\n", FileKind::kAgents);
  EXPECT_EQ(Code(d, "Estonia said it would act now with Libya."), (std::set<Coding>{{"EST", "LBY", "101"}}));
  EXPECT_EQ(Code(d, "Estonia said on Monday that Libya was wrong."), (std::set<Coding>{{"EST", "LBY", "023"}}));
  EXPECT_EQ(Code(d, "Mouse will ban Libya."), (std::set<Coding>{{"MUS", "LBY", "191"}}));
  EXPECT_TRUE(Code(d, "Mouse is baning Libya.").empty());
  EXPECT_TRUE(Code(d, "Mouses will ban Libya.").empty());
  EXPECT_TRUE(Code(d, "Guerrillas will ban Libya.").empty());  // an agent alone is no actor
  d.options.convert_agent = true;
  EXPECT_EQ(Code(d, "Guerrillas will ban Libya."), (std::set<Coding>{{"~REB", "LBY", "191"}}));
  EXPECT_EQ(Code(d, "Elrond urged Bree to wait and Gondor asked him to stay."),
            (std::set<Coding>{{"ELF", "BRE", "102"}, {"GON", "ELF", "090"}}));
  // A subject pronoun standing for the source is no target: the next actor is.
  EXPECT_EQ(Code(d, "Elrond will ban that he assisted Gondor."), (std::set<Coding>{{"ELF", "GON", "191"}}));
  // "or" ends a clause as "and" does: each verb is coded.
  EXPECT_EQ(Code(d, "Elrond accepts that Bree might urge or ask Gondor about the matter."),
            (std::set<Coding>{{"ELF", "BRE", "102"}, {"ELF", "GON", "090"}}));
  // A clause without a source takes an earlier clause's only when that clause coded an
  // event; else the two actors after its verb are its source and target.
  EXPECT_EQ(Code(d, "Elrond paused and urged that Bree might ask Gondor about the matter."),
            (std::set<Coding>{{"BRE", "GON", "102"}}));
  EXPECT_EQ(Code(d, "Elrond urged Bree and asked that Gondor might stay with Libya."),
            (std::set<Coding>{{"ELF", "BRE", "102"}, {"ELF", "GON", "090"}}));
  // ... and with only one actor after the verb, the earlier clause's actor is the source.
  EXPECT_EQ(Code(d, "Elrond paused on Monday and urged Gondor to stay."), (std::set<Coding>{{"ELF", "GON", "102"}}));
}

TEST(Dict, TabariActorWrittenApart) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "SAID  [023?] ;x\nREPORT  [025?]\nSHOULD  [101]\n- SAID *  [102]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "FREEDONIA [FRD] ;x\nSYLVANIA GUARD  [SYLGRD]\n", FileKind::kActors);
  // Any number of words may come between its words; a verb there is still the verb.
  EXPECT_EQ(Code(d, "A Freedonia envoy said on Monday a post of Sylvania should be set up in areas not held by "
                    "rebel Guard forces."),
            (std::set<Coding>{{"FRD", "SYLGRD", "102"}}));
  // A conjunction there still ends the clause; the actor is in both clauses.
  EXPECT_EQ(Code(d, "Freedonia was reported on Friday to have moved near Sylvania and a Guard officer said "
                    "the move was a threat."),
            (std::set<Coding>{{"FRD", "SYLGRD", "025"}, {"FRD", "SYLGRD", "023"}}));
  // Never across punctuation.
  EXPECT_TRUE(Code(d, "Freedonia said on Monday a post of Sylvania should be set up, the Guard said.").empty());
}

TEST(Dict, TabariPrepositionalObjectIsNoSubject) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "LAUNCH  [---] ;x\nRAID  [220]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "FREEDONIA [FRD] ;x\nSYLVANIA [SYL]\nMARSOVIA [MRS]\n", FileKind::kActors);
  // In a clause after the first, "against besieged Sylvania" is no subject of "raids".
  EXPECT_EQ(Code(d, "Freedonia launched a campaign and shelling offensive against besieged Sylvania following "
                    "raids on Marsovia towns."),
            (std::set<Coding>{{"FRD", "MRS", "220"}}));
  // "of" and "with" are: "the envoys of Sylvania", "with Sylvania ...".
  EXPECT_EQ(Code(d, "Freedonia launched a campaign and the envoys of Sylvania raided Marsovia on Monday."),
            (std::set<Coding>{{"SYL", "MRS", "220"}}));
}

TEST(Dict, TabariNounsByStemOrWholeWord) {
  // A <NOUN> word is never a verb, whether it is a stem ("STRIKER": "strikers") or a whole
  // word ("STRIKES_") longer than any stem of the list, which is looked up as it stands.
  const std::pair<const char*, const char*> cases[] = {
      {"<NOUN>\nSTRIKER\n</NOUN>\n", "Freedonia's strikers warned Sylvania on Monday."},
      {"<NOUN>\nLEAD\nSTRIKES_\n</NOUN>\n", "Freedonia's strikes warned Sylvania on Monday."}};
  for (const auto& [nouns, text] : cases) {
    UserDictionaries d = Dicts();
    d.LoadText("t.verbs", "STRIKE  [190] ;stem\nWARNED  [160]\n", FileKind::kVerbs);
    d.LoadText("t.actors", std::string(nouns) + "FREEDONIA [FRD] ;x\nSYLVANIA [SYL]\n", FileKind::kActors);
    EXPECT_EQ(Code(d, text), (std::set<Coding>{{"FRD", "SYL", "160"}})) << text;
  }
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "STRIKE  [190] ;stem\nWARNED  [160]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "FREEDONIA [FRD] ;x\nSYLVANIA [SYL]\n", FileKind::kActors);
  EXPECT_EQ(Code(d, "Freedonia's strikes warned Sylvania on Monday."), (std::set<Coding>{{"FRD", "SYL", "190"}}));
}

TEST(Dict, TabariCompoundsWithNounsAndAdjectives) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "WARNED  [160]\nWELCOMED [041]\nATTACKED [223]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "<NOUN>\nCATS\nDOGS\n</NOUN>\n<ADJECTIVE>\nGRIM\nBLEAK\n</ADJECTIVE>\n"
             "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARSOVIA [MRS]\nKLOPSTOKIA [KLP]\nLYDIA [LYD]\n",
             FileKind::kActors);
  // A conjunction between two listed nouns or adjectives neither starts a clause nor makes
  // a compound: the first actor stays the source.
  EXPECT_EQ(Code(d, "Freedonia's cats and dogs of Sylvania warned Marsovia on Monday."),
            (std::set<Coding>{{"FRD", "MRS", "160"}}));
  EXPECT_EQ(Code(d, "Freedonia's grim and bleak envoys in Sylvania warned Marsovia on Monday."),
            (std::set<Coding>{{"FRD", "MRS", "160"}}));
  // Adjectives may stand before the second noun.
  EXPECT_EQ(Code(d, "Freedonia's cats and grim bleak dogs of Sylvania warned Marsovia on Monday."),
            (std::set<Coding>{{"FRD", "MRS", "160"}}));
  // Inside a compound, members with only adjectives between them are members too.
  EXPECT_EQ(Code(d, "Freedonia and the grim Sylvania bleak Marsovia welcomed the talks with Klopstokia."),
            (std::set<Coding>{{"FRD", "KLP", "041"}, {"SYL", "KLP", "041"}, {"MRS", "KLP", "041"}}));
  // So are a member and an actor after its possessive.
  EXPECT_EQ(Code(d, "Freedonia warned Sylvania and Marsovia's Klopstokia on Monday."),
            (std::set<Coding>{{"FRD", "SYL", "160"}, {"FRD", "MRS", "160"}, {"FRD", "KLP", "160"}}));
  // A subordinating word ends a compound: "that" opens the next clause.
  EXPECT_EQ(Code(d, "Freedonia, today, that Sylvania attacked Lydia in the night"),
            (std::set<Coding>{{"FRD", "LYD", "223"}}));
}

TEST(Dict, AgentsSharedByAList) {
  UserDictionaries d = Dicts();
  d.LoadText("v.txt", "--- WELCOME [041] ---\nWELCOMED\n", FileKind::kVerbs);  // PETRARCH style
  d.LoadText("a.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARSOVIA [MRS]\n", FileKind::kActors);
  d.LoadText("g.txt", "LAWMAKER [~LEG]\nOFFICIAL [~GOV]\nGOVERNMENT [~GOV]\n", FileKind::kAgents);
  // PETRARCH: agents joined by "and" share the actors after "in"/"of", each with its own
  // code (TABARI gives an agent before "of" to the first actor of a list only).
  EXPECT_EQ(Code(d, "Lawmakers and officials in Freedonia and Sylvania welcomed the talks with Marsovia."),
            (std::set<Coding>{{"FRDLEG", "MRS", "041"}, {"FRDGOV", "MRS", "041"},
                              {"SYLLEG", "MRS", "041"}, {"SYLGOV", "MRS", "041"}}));
  // "X and the government of Y": the agent is Y's, not X's across the "and".
  EXPECT_EQ(Code(d, "Freedonia and the government of Sylvania welcomed the talks with Marsovia."),
            (std::set<Coding>{{"FRD", "MRS", "041"}, {"SYLGOV", "MRS", "041"}}));
}

TEST(Dict, HyphenJoinsWordsOfAnActor) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "WARNED  [160]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "FREEDONIA [FRD]\nRUFUS_FIREFLY [RTF]\n", FileKind::kActors);
  // "Rufus-Firefly" is RUFUS_FIREFLY, as an underscore would be.
  EXPECT_EQ(Code(d, "Freedonia warned the Rufus-Firefly group to stay out of town."),
            (std::set<Coding>{{"FRD", "RTF", "160"}}));
}

TEST(Dict, TabariNoActorPriorIsComplex) {
  UserDictionaries d = Dicts();
  d.LoadText("t.verbs", "CRITICIZED  [121]\n", FileKind::kVerbs);
  d.LoadText("t.actors", "FREEDONIA [FRD]\nSYLVANIA [SYL]\n", FileKind::kActors);
  const char* text = "Criticized by Freedonia on Monday, Sylvania walked out of the talks.";
  EXPECT_FALSE(Code(d, text).empty());  // the first actor after the verb is the source
  d.options.complex_no_actor_prior = true;  // COMPLEX: NOACTPRIOR
  EXPECT_TRUE(Code(d, text).empty());
  d.options.default_source = "DEF";  // a DEFAULT source codes it again
  EXPECT_FALSE(Code(d, text).empty());
  EXPECT_EQ(Code(d, "Freedonia criticized Sylvania on Monday."), (std::set<Coding>{{"FRD", "SYL", "121"}}));
}

TEST(Dict, PetrarchSubjectHeadsItsPrepositionalPhrase) {
  UserDictionaries d = Dicts();
  d.LoadText("v.txt", "--- CALL [095] ---\nCALLED\n", FileKind::kVerbs);  // PETRARCH style
  d.LoadText("a.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARSOVIA [MRS]\n", FileKind::kActors);
  // The actor after "between" modifies the noun before it; Freedonia is the subject.
  EXPECT_EQ(Code(d, "Freedonia centre of a row between Sylvania called on Marsovia to act."),
            (std::set<Coding>{{"FRD", "MRS", "095"}}));
}

TEST(Dict, CompoundAfterTheVerb) {
  // PETRARCH "- * WITH %": the compound is the target of the subject.
  UserDictionaries p = Dicts();
  p.LoadText("v.txt", "--- AGREE [081] ---\nAGREES\n- * WITH % [031]\n", FileKind::kVerbs);
  p.LoadText("a.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARSOVIA [MRS]\n", FileKind::kActors);
  EXPECT_EQ(Code(p, "Freedonia agrees with Sylvania and Marsovia that the talks should go on."),
            (std::set<Coding>{{"FRD", "SYL", "031"}, {"FRD", "MRS", "031"}}));
  // TABARI codes the compound on itself ("Arnor has exchanged prisoners with Gondor and
  // Osgiliath" -> GON/OSG, OSG/GON).
  UserDictionaries t = Dicts();
  t.LoadText("t.verbs", "AGREES [081]\n- * WITH %  [031]\n", FileKind::kVerbs);
  t.LoadText("t.actors", "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARSOVIA [MRS]\n", FileKind::kActors);
  EXPECT_EQ(Code(t, "Freedonia agrees with Sylvania and Marsovia that the talks should go on."),
            (std::set<Coding>{{"SYL", "MRS", "031"}, {"MRS", "SYL", "031"}}));
}

TEST(Dict, AgentLineOpeningWithASubstitutionSet) {
  UserDictionaries d = Dicts();
  d.LoadText("g.txt", "!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS [~GOV]\n!MINST!  [~GOV]\n",
             FileKind::kAgents);
  d.LoadText("v.txt", "--- CONDEMN [122] ---\nCONDEMNED\n", FileKind::kVerbs);
  d.LoadText("a.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\n", FileKind::kActors);
  EXPECT_TRUE(d.warnings().empty());
  EXPECT_EQ(Code(d, "The Freedonia Ministry of Silly Walks condemned Sylvania."),
            (std::set<Coding>{{"FRDGOV", "SYL", "122"}}));
}

TEST(Dict, PetrarchNewActors) {
  UserDictionaries d = Dicts();
  d.LoadText("v.txt", "--- LEFT [032:033] ---\nLEFT\n--- RISEN [---] ---\nRISEN\n- DEATH TOLL * [223]\n",
             FileKind::kVerbs);
  d.LoadText("a.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\n", FileKind::kActors);
  const char* text = "Duckburg's chief Rufus Firefly left for the Ministry of Ducks on Monday.";
  EXPECT_TRUE(Code(d, text).empty());  // off by default: no actor, no event
  d.LoadText("o.txt", "option | new_actor_length=4\n", FileKind::kAuto);
  EXPECT_TRUE(d.warnings().empty());
  EXPECT_EQ(d.options.new_actor_length, 4);
  // The phrases without actors, possessive dropped, "of" kept, up to the next preposition.
  EXPECT_EQ(Code(d, text), (std::set<Coding>{{"\"DUCKBURG CHIEF RUFUS FIREFLY\"", "\"THE MINISTRY OF DUCKS\"", "032"},
                                             {"\"THE MINISTRY OF DUCKS\"", "\"DUCKBURG CHIEF RUFUS FIREFLY\"", "033"}}));
  EXPECT_EQ(Code(d, "Duckburg's chief Rufus Firefly left for Sylvania on Monday."),
            (std::set<Coding>{{"\"DUCKBURG CHIEF RUFUS FIREFLY\"", "SYL", "032"},
                              {"SYL", "\"DUCKBURG CHIEF RUFUS FIREFLY\"", "033"}}));
  // A part of a compound subject with no actor joins the subject.
  EXPECT_EQ(Code(d, "Freedonia's death and injury toll has risen in the war with Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "223"}, {"\"INJURY TOLL\"", "SYL", "223"}}));
  d.options.new_actor_length = 3;  // longer phrases are no actors
  EXPECT_TRUE(Code(d, text).empty());
  d.LoadText("bad.txt", "option | new_actor_length=many; colour=blue\n", FileKind::kAuto);
  EXPECT_EQ(d.warnings().size(), 2u);
}

TEST(Dict, PetrarchPhraseRules) {
  UserDictionaries d = Dicts();
  d.LoadText("v.txt",
             "--- ACCORD [---] ---\nACCORD\n- IN * [075]\n--- PARADE [017] ---\nPARADE\n"
             "--- ACT [100] ---\nACT\n- INDICATED SHOULD * [1011]\n--- SHOULD [101] ---\nSHOULD\n"
             "--- RESTORE [064] ---\nRESTORE\n- * FULL DIPLOMATIC [+++]\n- * TIES [065]\n"
             "--- CRITICIZE [121] ---\nCRITICIZE\n- HEAVILY UNJUSTLY * [123]\n"
             "--- WARN [160] ---\nWARN\n- * AT ^ + [162]\n--- WELCOME [041] ---\nWELCOMED\n"
             "--- CELEBRATE [181] ---\nCELEBRATE\n- + HOSTING * TABASKI ^ $ [042]\n",
             FileKind::kVerbs);
  d.LoadText("a.txt", "FREEDONIA [FRD]\n+FREEDONIAN\nSYLVANIA [SYL]\nMARSOVIA [MRS]\nDUKE OF LYDIA [LYD]\n",
             FileKind::kActors);
  d.LoadText("g.txt", "MEDIA {} [~MED]\nGOVERNMENT [~GOV]\n", FileKind::kAgents);
  // An article makes a noun whatever the patterns; so does an actor after "an" or "anti-".
  EXPECT_TRUE(Code(d, "Freedonia was in an accord with an anti- Sylvania parade on Sunday.").empty());
  EXPECT_EQ(Code(d, "A government welcomed Marsovia."), (std::set<Coding>{{"---GOV", "MRS", "041"}}));  // an agent is a noun
  // A modal before a verb is its auxiliary.
  EXPECT_EQ(Code(d, "Freedonia indicated it should have acted against Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "1011"}}));
  // A "[+++]" pattern is passed over.
  EXPECT_EQ(Code(d, "Freedonia will restore full diplomatic ties with Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "065"}}));
  // A comma between two plain words lists modifiers; it does not end the clause.
  EXPECT_EQ(Code(d, "Freedonia will restore complete, full diplomatic ties with Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "065"}}));
  EXPECT_TRUE(Code(d, "Freedonia will restore ties, a senior Sylvania official said.").empty());
  EXPECT_TRUE(Code(d, "Freedonia will restore ties, including the talks with Sylvania.").empty());
  // "and" with no verb before it joins words of one clause.
  EXPECT_EQ(Code(d, "Freedonia was heavily and unjustly criticized over its dispute with Sylvania."),
            (std::set<Coding>{{"FRD", "SYL", "123"}}));
  // '^' passes over a determiner and its phrase; an adjective actor before a list of
  // agents with no determiner modifies them all.
  EXPECT_EQ(Code(d, "Freedonian media and government warned at the Sylvania of the Duke of Lydia."),
            (std::set<Coding>{{"FRDMED", "LYD", "162"}, {"FRDGOV", "LYD", "162"}}));
  EXPECT_EQ(Code(d, "The Freedonian media and government welcomed Sylvania."),
            (std::set<Coding>{{"FRDMED", "SYL", "041"}, {"---GOV", "SYL", "041"}}));
  // Noun phrases holding actors, joined by "and", make a compound; in a compound, a second
  // actor of a member's phrase is no member.
  EXPECT_EQ(Code(d, "Freedonia's sheep and goats of Sylvania welcomed Marsovia."),
            (std::set<Coding>{{"FRD", "MRS", "041"}, {"SYL", "MRS", "041"}}));
  EXPECT_EQ(Code(d, "Freedonia and the evil Sylvania awful Lydia welcomed Marsovia."),
            (std::set<Coding>{{"FRD", "MRS", "041"}, {"SYL", "MRS", "041"}}));
  // '^' passes over a preposition and its object.
  EXPECT_EQ(Code(d, "Freedonia will be hosting Sylvania to celebrate Tabaski with Marsovia next week at the Duke of Lydia."),
            (std::set<Coding>{{"LYD", "FRD", "042"}}));
  // A list closed by "and" takes no member after a comma.
  EXPECT_EQ(Code(d, "Freedonia welcomed Sylvania and Marsovia, and the Duke of Lydia and Sylvania, on Monday."),
            (std::set<Coding>{{"FRD", "SYL", "041"}, {"FRD", "MRS", "041"}}));
  // A pronoun subject keeps the source of an earlier clause away.
  EXPECT_TRUE(Code(d, "On the roads of Freedonia, he welcomed Marsovia.").empty());
  EXPECT_EQ(Code(d, "On the roads of Freedonia, welcomed Marsovia."), (std::set<Coding>{{"FRD", "MRS", "041"}}));
  // Actor words written apart allow modifiers between them, not function words.
  d.LoadText("tv.txt", "SYLVANIA TELEVISION [SYLTV]\n", FileKind::kActors);
  EXPECT_EQ(Code(d, "Freedonia welcomed Sylvania state-run television."), (std::set<Coding>{{"FRD", "SYLTV", "041"}}));
  EXPECT_EQ(Code(d, "Freedonia welcomed Sylvania and its television."), (std::set<Coding>{{"FRD", "SYL", "041"}}));
}

TEST(Dict, PetrarchCommaClauses) {
  UserDictionaries d = Dicts();
  d.LoadText("v.txt", "--- SIGN [085] ---\nSIGNED\n--- RESTORE [064] ---\nRESTORE\n--- WELCOME [041] ---\nWELCOMED\n",
             FileKind::kVerbs);
  d.LoadText("a.txt", "FREEDONIA [FRD]\nSYLVANIA [SYL]\nMARSOVIA [MRS]\nLYDIA [LYD]\n", FileKind::kActors);
  d.LoadText("g.txt", "OFFICIAL [~GOV]\n", FileKind::kAgents);
  d.LoadText("o.txt", "option | comma_min=2; comma_max=8; comma_emin=2; comma_emax=8; comma_bmax=0\n", FileKind::kAuto);
  EXPECT_TRUE(d.warnings().empty());
  EXPECT_EQ(d.options.comma.max, 8);
  // The terminal clause after the last comma goes even when that comma closed a deleted
  // internal one.
  EXPECT_EQ(Code(d, "Freedonia on Thursday signed a trade protocol with Sylvania, its biggest trading partner, officials said."),
            (std::set<Coding>{{"FRD", "SYL", "085"}}));
  // A comma between modifiers delimits no clause (with initial clauses on, "Freedonia will
  // restore complete" would go).
  ASSERT_TRUE(d.SetOption("comma_bmin", "2") && d.SetOption("comma_bmax", "6"));
  EXPECT_EQ(Code(d, "Freedonia will restore complete, full ties with Sylvania."), (std::set<Coding>{{"FRD", "SYL", "064"}}));
  // A member of an actor list is no aside.
  EXPECT_EQ(Code(d, "Evil Freedonia, the awful Sylvania, and good Lydia welcomed Marsovia."),
            (std::set<Coding>{{"FRD", "MRS", "041"}, {"SYL", "MRS", "041"}, {"LYD", "MRS", "041"}}));
  EXPECT_FALSE(d.SetOption("comma_max", "eight"));
  EXPECT_FALSE(d.SetOption("colour", "8"));
}

TEST(Dict, FunctionWordsComeFromTheWordFile) {
  auto body = attache::text::ReadFile(std::string(ATTACHE_SOURCE_DIR) + "/data/lang/en/dictcoder.txt");
  ASSERT_TRUE(body.ok());
  const std::string verbs = "--- CRITICIZE [111] ---\nCRITICIZED\n";
  const std::string actors = "FREEDONIA [FRD]\nSYLVANIA [SYL]\n";
  // "by" after a form of "be" makes the sentence passive: the roles swap.
  UserDictionaries d = Dicts();
  d.LoadText("v.txt", verbs, FileKind::kVerbs);
  d.LoadText("a.txt", actors, FileKind::kActors);
  EXPECT_EQ(Code(d, "Sylvania was criticized by Freedonia."), (std::set<Coding>{{"FRD", "SYL", "111"}}));
  // The same with no passive agent word in the file: no swap.
  std::string edited = *body;
  size_t at = edited.find("\npassive.agent = by\n");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 20, "\npassive.agent =\n");
  UserDictionaries e;
  ASSERT_TRUE(e.LoadWords("edited.txt", edited).ok());
  e.LoadText("v.txt", verbs, FileKind::kVerbs);
  e.LoadText("a.txt", actors, FileKind::kActors);
  EXPECT_EQ(Code(e, "Sylvania was criticized by Freedonia."), (std::set<Coding>{{"SYL", "FRD", "111"}}));
  // A class the coder does not know, or one missing, is refused with its place.
  UserDictionaries f;
  auto st = f.LoadWords("w.txt", *body + "colour = blue\n");
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("unknown word class `colour`"), std::string::npos) << st.message();
  st = f.LoadWords("w.txt", "preposition = of\n");
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("missing"), std::string::npos) << st.message();
}

}  // namespace
