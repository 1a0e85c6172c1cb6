#!/usr/bin/env bash
# `attache eval` must give the numbers of the project's independent scorer
# (../shared/tools/score.py) on the same files:
#  (a) the founding dispatch, with predictions from this build's `attache code`, and with
#      `attache eval` coding the text itself (--save-pred keeps what it coded for score.py);
#  (b) synthetic gold and prediction files written below to exercise every rule: symmetric
#      dyads and their mirror copies, optional events, forbidden sentences, cameo_also,
#      null wildcards, missing documents, the Jaccard sentence test, typographic quotes,
#      greedy tie-breaking, quotes with generic speakers ("un porte-parole"), prediction
#      keys from paths; plus a seeded random set of documents.
# Compared: the whole summary (precision, recall, f1, required, hit, fp, forbidden,
# date/loc/cameo, quotes), the per-document counts of score.py --verbose, and the text
# summary line verbatim. Skipped (77) when ../shared is absent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SHARED="${ATTACHE_SHARED:-$SRC/../shared}"
SCORE="$SHARED/tools/score.py"
if [[ ! -d "$SHARED/golden/seed" || ! -f "$SCORE" ]]; then
  echo "eval_agrees_with_score: skipped, no shared/ beside the source tree"
  exit 77
fi

# compare NAME GOLD_DIR PRED.jsonl: score.py and `attache eval --pred` agree.
compare() {
  local name="$1" gold="$2" pred="$3"
  "$PYTHON" "$SCORE" "$gold" "$pred" --json >"$WORK/$name.score.json"
  "$PYTHON" "$SCORE" "$gold" "$pred" --verbose >"$WORK/$name.score.txt"
  "$ATTACHE" eval "$gold" --pred "$pred" --json >"$WORK/$name.eval.json"
  "$ATTACHE" eval "$gold" --pred "$pred" >"$WORK/$name.eval.txt"
  "$PYTHON" - "$name" "$WORK/$name" <<'PY'
import json, re, sys
name, base = sys.argv[1], sys.argv[2]
score = json.load(open(base + '.score.json'))
ev = json.load(open(base + '.eval.json'))
diff = {k: (v, ev.get(k)) for k, v in score.items() if ev.get(k) != v}
assert not diff, f"{name}: summary differs (score.py, attache eval): {diff}"
# Per document: score.py --verbose headers "## NAME[ (NO OUTPUT)]: hit a/b fp c quotes d/e spk f".
want = {}
for line in open(base + '.score.txt', encoding='utf-8'):
    m = re.match(r'## (.*?)( \(NO OUTPUT\))?: hit (\d+)/(\d+) fp (\d+) quotes (\d+)/(\d+) spk (\d+)$', line.rstrip('\n'))
    if m:
        want[m.group(1)] = (bool(m.group(2)), *map(int, m.group(3, 4, 5, 6, 7, 8)))
got = {d['name']: (d['missing_doc'], d['hit'], d['required'], d['fp'], d['quote_hit'], d['quotes'],
                   d['quote_speaker']) for d in ev['documents']}
assert want == got, f"{name}: per-document counts differ:\n score.py {want}\n eval     {got}"
# The text report ends with score.py's own summary line, character for character.
score_line = open(base + '.score.txt', encoding='utf-8').read().rstrip('\n').split('\n')[-1]
eval_line = open(base + '.eval.txt', encoding='utf-8').read().rstrip('\n').split('\n')[-1]
assert score_line == eval_line, f"{name}: summary lines differ:\n {score_line}\n {eval_line}"
print(f"{name}: agree over {len(want)} documents: {score_line}")
PY
}

# (a) The founding dispatch.
SEED="$SHARED/golden/seed"
"$ATTACHE" code "$SEED"/*.txt >"$WORK/seed.jsonl" 2>/dev/null
compare seed "$SEED" "$WORK/seed.jsonl"
"$ATTACHE" eval "$SEED" --json --save-pred "$WORK/seed-run.jsonl" >"$WORK/seed-run.eval.json"
"$PYTHON" "$SCORE" "$SEED" "$WORK/seed-run.jsonl" --json >"$WORK/seed-run.score.json"
"$PYTHON" - "$WORK/seed-run" <<'PY'
import json, sys
s, e = (json.load(open(sys.argv[1] + x)) for x in ('.score.json', '.eval.json'))
diff = {k: (v, e.get(k)) for k, v in s.items() if e.get(k) != v}
assert not diff, f"seed, coded by eval: differs from score.py on the saved records: {diff}"
print("seed (coded by attache eval): agree")
PY

# (b) Synthetic files.
"$PYTHON" - "$WORK/synth" <<'PY'
import json, os, random, sys

out = sys.argv[1]
gold_dir = os.path.join(out, 'gold')
os.makedirs(gold_dir)
preds = []

def gold(name, events=(), forbidden=(), quotes=(), lang='fr', suffix='.gold.json'):
    with open(os.path.join(gold_dir, name + suffix), 'w', encoding='utf-8') as f:
        json.dump({'format': 'attache.gold/1', 'lang': lang, 'dispatch_date': '2025-03-01',
                   'events': list(events), 'forbidden': list(forbidden), 'quotes': list(quotes)},
                  f, ensure_ascii=False)

def ge(sentence, src, tgt, cameo, plover=None, required=True, symmetric=False, date=None,
       loc=None, also=None):
    e = {'required': required, 'sentence': sentence,
         'source': None if src is False else {'text': 'x', 'country': src},
         'target': None if tgt is False else {'text': 'y', 'country': tgt},
         'symmetric': symmetric, 'plover': plover, 'cameo': cameo, 'date': date,
         'location': None if loc is None else {'text': 'z', 'country': loc}}
    if also is not None:
        e['cameo_also'] = also
    return e

def pe(sentence, src, tgt, cameo, plover=None, symmetric=False, date=None, loc=None):
    return {'plover': plover, 'cameo': cameo, 'symmetric': symmetric, 'date': date,
            'source': None if src is False else {'text': 'a', 'country': src},
            'target': None if tgt is False else {'text': 'b', 'country': tgt},
            'location': None if loc is None else {'text': 'l', 'country': loc},
            'sentence': {'index': 0, 'text': sentence, 'start': 0, 'end': len(sentence)}}

def pred(doc_id, events=(), quotes=(), **extra):
    d = {'id': doc_id, 'lang': 'fr', 'events': list(events), 'quotes': list(quotes)}
    d.update(extra)
    preds.append(d)

S1 = "Des émissaires russes et américains se sont réunis jeudi à Istanbul."
S2 = "Moscou a accusé Kiev d'avoir frappé une centrale, a déclaré le ministère."
S3 = "L'Ukraine n'est pas au menu, a déclaré un porte-parole du département d'Etat."
S4 = "Washington et Pékin ont signé un accord commercial à Genève le 12 février."

# Symmetric gold matched in reverse order; the mirror copy is neutral; a third copy is not.
gold('sym', [ge(S1, 'RUS', 'USA', '044', 'CONSULT', symmetric=True, date='2025-02-27', loc='TUR',
                also=['040', '046'])])
pred('sym', [pe(S1, 'USA', 'RUS', '044', 'CONSULT', symmetric=True, date='2025-02-27', loc='TUR'),
             pe(S1, 'RUS', 'USA', '044', 'CONSULT', symmetric=True, date='2025-02-27', loc='TUR'),
             pe(S1, 'RUS', 'CHN', '044', 'CONSULT')])
# Mirror only counts when the copy is symmetric in gold or as predicted: asymmetric gold and
# asymmetric prediction -> the reverse copy does not even match.
gold('asym', [ge(S2, 'RUS', 'UKR', '112', 'ACCUSE')])
pred('asym', [pe(S2, 'UKR', 'RUS', '112', 'ACCUSE'), pe(S2, 'RUS', 'UKR', '112', 'ACCUSE')])
# Optional events: matched (no tp, no fp), unmatched (no miss).
gold('optional', [ge(S1, 'RUS', 'USA', '044', 'CONSULT', symmetric=True),
                  ge(S2, 'RUS', None, '112', 'ACCUSE', required=False),
                  ge(S4, 'USA', 'CHN', '057', 'AGREE', required=False)])
pred('optional', [pe(S1, 'RUS', 'USA', '040', 'CONSULT'), pe(S2, 'RUS', 'UKR', '111', 'ACCUSE')])
# cameo_also: type by the CAMEO root of an alternative code, PLOVER type differing; wrong
# date and location on a matched event.
gold('also', [ge(S4, 'USA', 'CHN', '057', None, date='2025-02-12', loc='CHE', also=['036']),
              ge(S2, 'RUS', 'UKR', '112', None, also=['111'])])
pred('also', [pe(S4, 'USA', 'CHN', '036', 'AGREE', date='2025-03-01', loc='USA'),
              pe(S2, 'RUS', 'UKR', '115', 'ACCUSE')])
# Null wildcards: a null source or target in gold matches any country, a null actor too.
gold('wildcard', [ge(S2, None, 'UKR', '112', 'ACCUSE'), ge(S4, 'USA', False, '057', 'AGREE')])
pred('wildcard', [pe(S2, 'RUS', 'UKR', '112', 'ACCUSE'), pe(S4, 'USA', 'CHN', '057', 'AGREE')])
# Forbidden sentences: an event from one is a false positive even when it matches gold.
gold('forbidden', [ge(S3, 'USA', None, '010', None)],
     forbidden=[{'sentence_contains': "L’Ukraine n’est pas au menu"}])
pred('forbidden', [pe(S3, 'USA', 'UKR', '010', None), pe(S3, 'USA', 'UKR', '120', 'REJECT')])
# Missing document: gold with no prediction (its events missed, its quotes unfound).
gold('missing', [ge(S1, 'RUS', 'USA', '044', 'CONSULT')],
     quotes=[{'text': 'On verra très vite', 'speaker': 'un porte-parole', 'speaker_country': 'USA'}])
# Sentence test: typographic quotes, no-break spaces and case fold to containment; a
# reworded sentence passes by Jaccard >= 0.6, one further off does not.
S5 = "« Nous ne céderons pas », a déclaré jeudi le président ukrainien à Kiev devant le Parlement."
S5_typo = '"NOUS ne céderons pas",\u00a0a  déclaré jeudi le président ukrainien à Kiev'
S5_near = "Nous ne céderons pas, a affirmé jeudi le président ukrainien à Kiev devant les députés."
S5_far = "Nous ne céderons jamais, a dit vendredi le chef ukrainien à Lviv devant les élus du peuple."
gold('sentences', [ge(S5, 'UKR', False, '128', 'REJECT'), ge(S5, 'UKR', False, '128', 'REJECT'),
                   ge(S5, 'UKR', False, '128', 'REJECT')])
pred('sentences', [pe(S5_typo, 'UKR', None, '128', 'REJECT'), pe(S5_near, 'UKR', None, '120', 'REJECT'),
                   pe(S5_far, 'UKR', None, '128', 'REJECT')])
# Greedy pairing: the date and exact code raise a pair's score; ties go to the later gold.
gold('greedy', [ge(S4, 'USA', 'CHN', '057', 'AGREE', date='2025-02-12'),
                ge(S4, 'USA', 'CHN', '057', 'AGREE', date='2025-02-13'),
                ge(S4, 'USA', 'CHN', '057', 'AGREE', required=False)])
pred('greedy', [pe(S4, 'USA', 'CHN', '057', 'AGREE', date='2025-02-13'),
                pe(S4, 'USA', 'CHN', '050', 'AGREE', date='2025-02-12'),
                pe(S4, 'USA', 'CHN', '057', 'AGREE')])
# Equal scores: score.py takes the higher gold index first, then the higher predicted index;
# in each document below any other order loses a hit.
gold('tie-gold', [ge(S2, 'RUS', None, '112', 'ACCUSE'), ge(S2, 'RUS', 'UKR', '112', 'ACCUSE')])
pred('tie-gold', [pe(S2, 'RUS', 'UKR', '112', 'ACCUSE'), pe(S2, 'RUS', 'USA', '112', 'ACCUSE')])
gold('tie-pred', [ge(S2, 'RUS', None, '112', 'ACCUSE'), ge(S2, 'RUS', 'UKR', '111', 'ACCUSE')])
pred('tie-pred', [pe(S2, 'RUS', 'UKR', '112', 'ACCUSE'), pe(S2, 'RUS', 'USA', '112', 'ACCUSE')])
# Quotes: generic speakers pass on any name but not on a wrong country; named speakers need
# a shared word (text or name); a quote twice too long is not found; first fit wins.
Q1 = "En clair, aucune question politique ou sécuritaire n'est à l'agenda. L'Ukraine n'est pas au menu"
gold('quotes', [], quotes=[
    {'text': Q1, 'speaker': 'un porte-parole', 'speaker_country': 'USA'},
    {'text': 'On verra très vite si ces discussions sont constructives', 'speaker': 'un porte-parole',
     'speaker_country': 'USA'},
    {'text': 'créé des conditions inconfortables', 'speaker': 'Sergueï Lavrov', 'speaker_country': 'RUS'},
    {'text': 'inspiraient certains espoirs', 'speaker': 'Vladimir Poutine', 'speaker_country': None},
    {'text': 'Nous verrons', 'speaker': 'The spokesman', 'speaker_country': None},
    {'text': 'un texte introuvable', 'speaker': 'Personne'},
])
pred('quotes', quotes=[
    {'text': Q1.replace("'", '’'), 'speaker': {'text': 'un porte-parole', 'name': None, 'country': 'USA'}},
    {'text': 'On verra très vite si ces discussions sont constructives', 'speaker': {'text': 'il', 'country': 'GBR'}},
    {'text': 'Il a dit avoir créé des conditions inconfortables', 'speaker': {'text': 'Il', 'name': 'Sergueï Lavrov', 'country': 'RUS'}},
    {'text': 'inspiraient certains espoirs', 'speaker': {'text': 'Le président', 'name': None, 'country': 'RUS'}},
    {'text': 'Nous verrons ' + 'bien plus tard et ailleurs encore une fois', 'speaker': None},
    {'text': 'Nous verrons', 'speaker': None},
])
# Prediction keys: a path as id, "source_uri" when "id" is empty, a later duplicate wins,
# an unknown document is ignored; English, PLOVER as an object, date as an object.
E1 = "The United States accused Iran on Monday of seizing a tanker in the Gulf."
gold('english-path', [ge(E1, 'USA', 'IRN', '112', 'ACCUSE', date='2025-02-24')], lang='en')
preds.append({'id': '/data/wire/english-path.txt', 'lang': 'en', 'events': [], 'quotes': []})
preds.append({'id': '/data/wire/english-path.txt', 'lang': 'en',
              'events': [dict(pe(E1, 'USA', 'IRN', '112', None), plover={'event': 'ACCUSE'},
                              date={'value': '2025-02-24'})], 'quotes': []})
gold('by-uri', [ge(E1, 'USA', 'IRN', '112', 'ACCUSE')], lang='en', suffix='.json')
preds.append({'id': '', 'source_uri': 'file:///x/by-uri.txt', 'events': [pe(E1, 'USA', 'IRN', '112', 'ACCUSE')]})
preds.append({'id': 'unrelated', 'events': [pe(E1, 'USA', 'IRN', '112', 'ACCUSE')]})

# Seeded random documents: small pools so that pairs, ties, mirrors and wildcards collide.
rng = random.Random(20250227)
sentences = [S1, S2, S4, S5, E1, S5_near, "Les combats ont repris près de Bakhmout, selon l’armée."]
countries = ['RUS', 'USA', 'UKR', 'CHN', None]
types = [('CONSULT', '040'), ('CONSULT', '044'), ('ACCUSE', '112'), ('AGREE', '057'),
         (None, '013'), ('REJECT', '128'), ('ASSAULT', '190')]
dates = [None, '2025-02-27', '2025-02-12']
for n in range(40):
    name = f'random-{n:02d}'
    gev = []
    for _ in range(rng.randint(0, 5)):
        plover, cameo = rng.choice(types)
        gev.append(ge(rng.choice(sentences), rng.choice(countries), rng.choice(countries), cameo, plover,
                      required=rng.random() < 0.75, symmetric=rng.random() < 0.4, date=rng.choice(dates),
                      loc=rng.choice(countries), also=rng.choice([None, [], ['04'], ['110', '057']])))
    forb = [{'sentence_contains': rng.choice(sentences)[:25]}] if rng.random() < 0.2 else []
    gold(name, gev, forb, lang=rng.choice(['fr', 'en']))
    if rng.random() < 0.1:
        continue  # no prediction for this one
    pev = []
    for _ in range(rng.randint(0, 6)):
        plover, cameo = rng.choice(types)
        if gev and rng.random() < 0.5:  # a near copy of a gold event, maybe reversed
            g = rng.choice(gev)
            plover, cameo = g['plover'] or plover, rng.choice([g['cameo'], cameo])
            s, t = (g['source'] or {}).get('country'), (g['target'] or {}).get('country')
            if rng.random() < 0.4:
                s, t = t, s
            pev.append(pe(g['sentence'], s, t, cameo, plover, symmetric=rng.random() < 0.4,
                          date=rng.choice([g['date'], None]), loc=rng.choice(countries)))
        else:
            pev.append(pe(rng.choice(sentences), rng.choice(countries), rng.choice(countries), cameo,
                          plover, symmetric=rng.random() < 0.4, date=rng.choice(dates)))
    pred(name, pev)

with open(os.path.join(out, 'pred.jsonl'), 'w', encoding='utf-8') as f:
    for d in preds:
        f.write(json.dumps(d, ensure_ascii=False) + '\n')
PY
compare synthetic "$WORK/synth/gold" "$WORK/synth/pred.jsonl"

# The synthetic set must really exercise the rules: mirrors, optional hits, forbidden
# events, a missing document, wrong speakers and unfound quotes all occur.
"$PYTHON" - "$WORK/synthetic.eval.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
docs = {d['name']: d for d in e['documents']}
checks = {
    'mirror neutral': docs['sym']['fp'] == 1 and docs['sym']['hit'] == 1,
    'optional hit': docs['optional']['optional_hit'] == 1 and docs['optional']['required'] == 1,
    'forbidden': docs['forbidden']['forbidden'] == 2 and docs['forbidden']['hit'] == 1,
    'missing doc': docs['missing']['missing_doc'] and e['missing_docs'] >= 1,
    'cameo_also': docs['also']['hit'] == 2,
    'wildcards': docs['wildcard']['hit'] == 2 and docs['wildcard']['fp'] == 0,
    'ties': docs['tie-gold']['hit'] == 2 and docs['tie-pred']['hit'] == 2,
    'jaccard': docs['sentences']['hit'] == 2 and docs['sentences']['fp'] == 1,
    'quotes': (docs['quotes']['quote_hit'], docs['quotes']['quote_speaker']) == (5, 3),
    'keys': docs['english-path']['hit'] == 1 and docs['by-uri']['hit'] == 1,
    'per language': set(e['by_lang']) == {'fr', 'en'},
}
bad = [k for k, ok in checks.items() if not ok]
assert not bad, f"synthetic set no longer exercises: {bad}"
print("eval_agrees_with_score: ok")
PY
