#!/bin/sh
# CLI tests: briefs of the raw test clusters (tests/raw/, written for the
# project: quotations over several sentences, people named by surname,
# scraper chrome, an off-topic page) hold no defect that the readability
# diagnostics count (issue #13), the off-topic page is left out and named,
# and datelines after a caption or byline are gone.
. "$(dirname "$0")/lib.sh"
R=tests/raw

# the readability object of the brief in $TMP/out, one "key value" a line
counts() {
    sed 's/.*"readability":{\([^}]*\)}.*/\1/' "$TMP/out" | tr ',' '\n' | tr -d '"' | tr ':' ' '
}

# zero KEY TITLE: the brief's readability count KEY is 0 (or false)
zero() {
    v=$(counts | awk -v k="$1" '$1 == k { print $2 }')
    if [ "$v" = 0 ] || [ "$v" = false ]; then ok "$2"; else not_ok "$2" "$1 is '$v'" "$(counts | tr '\n' ' ')"; fi
}

for c in quotes people chrome junk; do
    for words in 100 150 250; do
        run "$PRECIS" summarize --json --diagnostics --words $words $R/$c
        expect_exit 0 "$c, $words words: exit 0"
        expect_stdout '"readability":\{"sentences":[1-9]' "$c, $words words: the JSON has the readability counts"
        for k in quote_shards unintroduced chrome datelines dangling opens_badly; do
            zero $k "$c, $words words: $k is 0"
        done
    done
done

run "$PRECIS" summarize --json --words 250 $R/junk
expect_stdout 'sleep_guide.txt: left out: not about the story the other articles tell' \
    "the mattress guide is left out of the strike cluster, and named in the warnings"
expect_stdout_lacks '"name":"sleep_guide.txt"' "no sentence of the brief comes from the mattress guide"
expect_stdout_lacks '"readability"' "without --diagnostics the JSON has no readability counts"

run "$PRECIS" summarize --words 250 $R/chrome
expect_stdout_lacks '^[A-Z]+[A-Za-z., ]*( \([A-Za-z ]+\))? (—|--)' "no sentence keeps a dateline, even after a caption or a byline"
expect_stdout_lacks 'Photo by|Residents load horses into trailers|1 of 12|Copyright' \
    "no caption, credit, gallery counter or copyright line"

# the event first: every brief opens with a sentence from the top of its
# article (its lede or the paragraph after an anecdotal lede)
for c in quotes people chrome junk; do
    run "$PRECIS" summarize --json --words 150 $R/$c
    first=$($PY -c "
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
print(d['sentences'][0]['name'], d['sentences'][0]['sentence'])" "$TMP/out")
    name=${first% *}
    # the first three sentences of that article a brief may use
    run "$PRECIS" summarize --json --sentences 3 --method lead-first $R/$c/$name
    top=$($PY -c "
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
print(' '.join(str(s['sentence']) for s in d['sentences']))" "$TMP/out")
    case " $top " in
    *" ${first#* } "*) ok "$c: the brief opens at the top of an article ($first)" ;;
    *) not_ok "$c: the brief opens at the top of an article" "first: $first, top of $name: $top" ;;
    esac
done

run "$PRECIS" summarize --words 150 $R/chrome
head -1 "$TMP/out" | grep -Eq '^(Crews on the Cedar Hollow Fire spent Monday|A wind-driven wildfire that broke out|By the time the sun came up Monday)' \
    && ok "the wildfire brief opens with a lede, not the second paragraph of the gallery page" \
    || not_ok "the wildfire brief opens with a lede" "first: $(head -1 "$TMP/out" | cut -c1-120)"

run "$PRECIS" summarize --diagnostics --words 150 $R/quotes
expect_stderr '^precis: readability: [0-9]+ sentences, 0 quotation shards, 0 people named before introduced, 0 chrome, 0 datelines, 0 dangling openers' \
    "--diagnostics with text output: one readability line on stderr"

echo "1..$N"
