"""The strings the tokenizer fixture covers: prompts as users write them, plus the awkward cases."""

from __future__ import annotations

import random
from typing import List

HANDWRITTEN = [
    "a red motorcycle",
    "a red wooden chair",
    "A Tall Brass Floor Lamp",
    "a medieval iron sword",
    "a blue ceramic vase",
    "an oak dining table with four legs",
    "a low-poly tree",
    "a 3D model of a corgi",
    "two chairs and a table",
    "a chair, a table, and a lamp.",
    "the chair's legs are metal",
    "it's a cat; isn't it?",
    "they're here, we've done it, I'm sure you'll see, he'd go",
    "DON'T SHOUT",
    "  leading and trailing spaces  ",
    "tabs\tand\nnewlines\r\nand   runs   of    spaces",
    "",
    " ",
    "a",
    "x",
    "123",
    "3.14159",
    "2 x 4 lumber, 8ft long",
    "size: 10cm x 20cm x 30cm",
    "model #42 (v2) [beta] {test}",
    "email@example.com",
    "http://example.com/path?query=1&b=2",
    "snake_case_name and kebab-case-name",
    "C++ and C# and F#",
    "$100 + 50% = ???",
    "!!! ... --- ***",
    "a 'quoted' word and a \"double quoted\" one",
    "\u201ccurly double\u201d and \u2018curly single\u2019 quotes",
    "caf\u00e9 na\u00efve r\u00e9sum\u00e9 fa\u00e7ade",
    "cafe\u0301 with a combining accent",
    "\u00fcber gro\u00dfe stra\u00dfe",
    "\u00c5ngstr\u00f6m \u00d8resund",
    "\u0441\u0442\u0443\u043b \u0438 \u0441\u0442\u043e\u043b",
    "\u03ba\u03b1\u03c1\u03ad\u03ba\u03bb\u03b1",
    "\u6905\u5b50\u548c\u684c\u5b50",
    "\u6728\u88fd\u306e\u6905\u5b50",
    "\ud55c\uad6d\uc5b4 \uc758\uc790",
    "\u0643\u0631\u0633\u064a \u062e\u0634\u0628\u064a",
    "\u0915\u0941\u0930\u094d\u0938\u0940",
    "a chair \U0001fa91 and a lamp \U0001f4a1",
    "\U0001f600\U0001f600\U0001f600",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 family emoji",
    "\u2764\ufe0f heart",
    "fullwidth \uff21\uff22\uff23 \uff11\uff12\uff13",
    "ligatures \ufb01ne \ufb02at \ufb00",
    "HTML &amp; entities &lt;b&gt; &quot;x&quot; &#39;y&#39; &#x41;",
    "double escaped &amp;amp; entity",
    "&nbsp;non&nbsp;breaking",
    "non\u00a0breaking\u00a0space",
    "em\u2014dash and en\u2013dash",
    "ellipsis\u2026",
    "degrees 90\u00b0 and \u00b1 5",
    "\u00bd half \u00bc quarter",
    "x\u00b2 + y\u00b3",
    "\u2122 \u00ae \u00a9",
    "<|startoftext|>",
    "<|endoftext|>",
    "a <|endoftext|> inside",
    "mojibake caf\u00c3\u00a9",
    "mojibake \u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d",
    "zero\u200bwidth space",
    "soft\u00adhyphen",
    "control\x07char",
    "ALLCAPS WORDS EVERYWHERE",
    "MiXeD CaSe WoRdS",
    "antidisestablishmentarianism",
    "pneumonoultramicroscopicsilicovolcanoconiosis",
    "supercalifragilisticexpialidocious chair",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "the the the the the",
    "a" * 200,
    "word " * 100,
    "a very long prompt " * 20,
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78",
    "hyphen-ated multi-part-word",
    "under_score __dunder__",
    "path/to/file.glb",
    "v1.2.3-rc.4",
    "1,000,000 polygons",
    "a/b\\c|d",
    "tilde~caret^backtick`",
    "@mention #hashtag",
    "it's",
    "'s",
    "'tis the season",
    "rock 'n' roll",
    "o'clock",
    "don't won't can't shan't",
]

ADJECTIVES = ["red", "tall", "small", "old", "shiny", "rustic", "modern", "green", "broken", "golden", "wooden",
              "glass", "metal", "round", "square", "tiny", "huge", "blue", "striped", "antique"]
MATERIALS = ["oak", "steel", "brass", "marble", "plastic", "ceramic", "leather", "stone", "bronze", "pine"]
OBJECTS = ["chair", "table", "lamp", "vase", "sword", "shield", "bookshelf", "mug", "teapot", "barrel", "crate",
           "bench", "stool", "bottle", "bowl", "candle", "clock", "helmet", "axe", "cabinet", "bed", "sofa",
           "desk", "car", "motorcycle", "airplane", "boat", "house", "tree", "rock", "mushroom", "dragon", "corgi"]
EXTRAS = ["", " with four legs", " on a pedestal", ", low poly", " (game asset)", " - highly detailed",
          " in the style of a cartoon", " with a handle", " and a matching stool", " for a fantasy RPG"]


def tokenizer_strings(count: int = 240, seed: int = 7) -> List[str]:
    rng = random.Random(seed)
    out = list(HANDWRITTEN)
    while len(out) < count:
        article = rng.choice(["a", "an", "the", "A", "one"])
        words = [article, rng.choice(ADJECTIVES)]
        if rng.random() < 0.6:
            words.append(rng.choice(MATERIALS))
        words.append(rng.choice(OBJECTS))
        text = " ".join(words) + rng.choice(EXTRAS)
        if text not in out:
            out.append(text)
    return out
