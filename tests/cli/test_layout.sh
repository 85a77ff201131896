#!/bin/sh
# test_layout.sh: the layout of src/ by role holds (src/README.md): no
# import circle between modules, and no room includes a header of a room
# listed after it in src/README.md.  Reads the files; builds nothing.
. "$(dirname "$0")/lib.sh"
out=$("$PY" - <<'PY'
import glob, os, re
rooms = re.findall(r"^\| `([a-z]+)/` \|", open("src/README.md", encoding="utf-8").read(), re.M)
headers = {os.path.basename(h)[:-2]: h.split("/")[1] for h in glob.glob("src/*/*.h")}
deps, room_of = {}, {}
for f in glob.glob("src/*/*.[ch]"):
    module = os.path.splitext(os.path.basename(f))[0]
    room_of[module] = f.split("/")[1]
    for inc in re.findall(r'#include "([^"/]+)\.h"', open(f, encoding="utf-8").read()):
        if inc != module and inc in headers:
            deps.setdefault(module, set()).add(inc)
problems = []
missing = sorted(set(room_of.values()) - set(rooms))
if missing:
    problems.append("rooms missing from src/README.md: " + ", ".join(missing))
for module, ds in sorted(deps.items()):
    for d in sorted(ds):
        if room_of[module] in rooms and headers[d] in rooms and \
                rooms.index(headers[d]) > rooms.index(room_of[module]):
            problems.append("%s (%s/) includes %s.h of %s/, listed after it" %
                            (module, room_of[module], d, headers[d]))
def visit(n, path, done):
    for d in sorted(deps.get(n, ())):
        if d in path:
            problems.append("import circle: " + " -> ".join(path[path.index(d):] + [d]))
        elif d not in done:
            done.add(d)
            visit(d, path + [d], done)
for n in sorted(deps):
    visit(n, [n], {n})
print("\n".join(sorted(set(problems))))
PY
)
if [ -z "$out" ]; then
    ok "src/ has no import circle and no include that climbs a room"
else
    not_ok "src/ has no import circle and no include that climbs a room" "$(printf '%s' "$out" | head -5)"
fi

# the word lists that people.c searches by bisection are in byte order
out=$($PY - <<'PY'
import re
src = open("src/text/people.c", encoding="utf-8").read()
bad = []
for name in ("honorifics", "roles", "not_given_names", "institutions", "speech"):
    m = re.search(r"static const char \*const " + name + r"\[\] = \{(.*?)NULL\};", src, re.S)
    if not m:
        bad.append(name + ": not found")
        continue
    words = [w.encode() for w in re.findall(r'"([^"]*)"', m.group(1))]
    if words != sorted(set(words)):
        bad.append(name + ": not in byte order (or a word twice)")
print("\n".join(bad))
PY
)
if [ -z "$out" ]; then
    ok "people.c's word lists are in byte order, as its binary search needs"
else
    not_ok "people.c's word lists are in byte order" "$out"
fi
