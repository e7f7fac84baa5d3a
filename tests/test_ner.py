"""The statistical NER: packaged model, recogniser registry, CoNLL scorer, camel backend."""

from __future__ import annotations

import importlib.util

import pytest

from kg.extract.ner import get_recogniser, merge, names
from kg.extract.ner.conll import bio_spans, norm_tag, parse_conll, repair_bio, split_sentences
from kg.extract.ner.evaluate import format_table, score_text, spans_to_tokens
from kg.extract.ner.features import word_features


@pytest.fixture(scope="module")
def model():
    return get_recogniser("model")


def _found(rec, text):
    return {(text[s:e], label) for s, e, label in rec(text)}


# ------------------------------------------------------------------ model


def test_model_is_package_data():
    """The BiLSTM-CRF, the CRF, its cluster table and the attribution ship inside the package."""
    from importlib.resources import files

    res = files("kg.extract.ner") / "model"
    for name in ("neural.npz", "ner.npz", "clusters.tsv", "README.md"):
        assert res.joinpath(name).is_file(), name
    size = sum(p.stat().st_size for p in _walk(res))
    assert size < 50 * 2**20


def _walk(res):
    for child in res.iterdir():
        if child.is_dir():
            yield from _walk(child)
        else:
            yield child


def test_model_loads_from_the_package(model):
    from kg.extract.ner import crf, neural

    assert isinstance(model, neural.NeuralRecogniser)
    assert isinstance(model.tagger, neural.EnsembleTagger)
    assert model.tagger.neural is neural.load_tagger()
    assert model.tagger.crf is crf.load_tagger()
    tagger = crf.load_tagger()
    assert {"O", "B-PERS", "I-PERS", "B-LOC", "B-ORG", "B-MISC"} <= set(tagger.labels)
    assert tagger.weights.shape[1] == len(tagger.labels)
    assert set(neural.load_tagger().labels) == set(tagger.labels)


def test_crf_backend_still_works():
    from kg.extract.ner import CRFRecogniser

    rec = get_recogniser("crf")
    assert isinstance(rec, CRFRecogniser)
    assert ("باريس", "LOC") in _found(rec, "قال الرئيس الفرنسي إيمانويل ماكرون في باريس")


def test_neural_alone_finds_names():
    from kg.extract.ner.neural import NeuralRecogniser

    # Written for this test: a post then a name, and a city with a clitic.
    found = _found(NeuralRecogniser(), "وقال رئيس الوزراء العراقي حيدر العبادي في بغداد إن الحكومة مستعدة")
    assert any(label == "PERS" and "العبادي" in span for span, label in found)
    assert ("بغداد", "LOC") in found


def test_model_finds_person_and_place(model):
    text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس"
    found = _found(model, text)
    assert ("باريس", "LOC") in found
    assert any(label == "PERS" and "ماكرون" in span for span, label in found)


@pytest.mark.parametrize(
    "text, place",
    [
        ("وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس", "القاهرة"),
        ("أعلنت الحكومة الليبية في طرابلس عن خطة جديدة", "طرابلس"),
        ("واستقبل الملك سلمان بن عبدالعزيز في الرياض رئيس وزراء باكستان", "الرياض"),
    ],
)
def test_model_finds_places(model, text, place):
    assert (place, "LOC") in _found(model, text)


def test_model_finds_persons(model):
    texts = [
        "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس",
        "واستقبل الملك سلمان بن عبدالعزيز في الرياض رئيس وزراء باكستان",
        "وقال الأمين العام للأمم المتحدة بان كي مون إن الوضع خطير",
    ]
    hits = sum(any(label == "PERS" for _, label in _found(model, t)) for t in texts)
    assert hits >= 2


def test_model_offsets_survive_odd_spacing(model):
    text = "  قال  الرئيس الفرنسي\n\nإيمانويل ماكرون   في باريس."
    for s, e, _ in model(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]
    assert ("باريس", "LOC") in _found(model, text)


def test_model_names_in_sentences_of_our_own(model):
    # Written for this test: a minister after his post, a given name + family name in a
    # sports report, and a place with a clitic.
    text = "وأكد وزير الخارجية السعودي عادل الجبير أن المملكة تدعم الحل السياسي"
    found = _found(model, text)
    assert any(label == "PERS" and "الجبير" in span for span, label in found)
    text = "وسجل اللاعب محمد صلاح هدفين في مرمى الفريق المنافس وبالقاهرة احتفل المشجعون"
    found = _found(model, text)
    assert any(label == "PERS" and "صلاح" in span for span, label in found)


def test_long_texts_are_tagged_sentence_by_sentence(model):
    one = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس."
    many = " ".join([one] * 5)
    assert len(model(many)) == 5 * len(model(one))


def test_model_pipe_equals_call(model):
    texts = ["قال الرئيس الفرنسي إيمانويل ماكرون في باريس", "", "أعلنت الحكومة الليبية في طرابلس"]
    assert list(model.pipe(texts)) == [model(t) for t in texts]


def test_documents_decoded_together_answer_as_one_at_a_time(model):
    # The repeat pass stays inside each document: ``الأهلي`` found in the first text is
    # not spread to the second, where the model alone leaves it untagged or not.
    first = "وقال نادي الأهلي إن المدرب باق. وأكد الأهلي ذلك في جدة."
    texts = [first, "الأهلي", "", "وصل وزير الخارجية الأمريكي جون كيري إلى الرياض أمس. " * 3]
    assert model.pipe_documents(texts) == [model(t) for t in texts]


def test_sentences_are_tagged_in_groups_of_like_length_and_bounded_size():
    from kg.extract.ner.crf import by_length

    sents = [["w"] * n for n in (3, 0, 5, 1000, 2000, 40000, 2, 7)]
    groups = []

    def tag(batch):
        groups.append([len(s) for s in batch])
        return [[f"{len(s)}"] * len(s) for s in batch]

    out = by_length(sents, tag, size=4, cells=1 << 15)
    assert [row[:1] for row in out] == [["3"], [], ["5"], ["1000"], ["2000"], ["40000"], ["2"], ["7"]]
    assert groups == [[2, 3, 5, 7], [1000, 2000], [40000]]  # short first; padding bounded


def test_articles_extracted_in_a_batch_have_their_own_facts():
    from kg.extract import extract, extract_batch
    from kg.model import Article

    texts = [
        "وصل وزير الخارجية الأمريكي جون كيري إلى الرياض أمس والتقى نظيره عادل الجبير.",
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة رئيس وزراء باكستان.",
        "",
    ]
    arts = [Article(id=f"a{k}", text=t) for k, t in enumerate(texts)]
    assert extract_batch(arts, ner="model") == [extract(a, ner="model") for a in arts]


# ------------------------------------------------------------------ CRF


def test_stem_strips_proclitics_blindly():
    from kg.extract.ner.crf import stem

    assert stem("وبالمدينه") == "مدينه"
    assert stem("للدفاع") == "دفاع"
    assert stem("الرياض") == "رياض"
    assert stem("علي") == "علي"  # too short to hold a clitic


def test_numpy_viterbi_equals_crfsuite(tmp_path):
    """The shipped decoder gives crfsuite's own tags for a model trained here."""
    pycrfsuite = pytest.importorskip(
        "pycrfsuite", reason="python-crfsuite is not installed: pip install -e '.[train]'"
    )
    from kg.extract.ner.crf import Tagger, export, sentence_features

    sents = parse_conll(CONLL) * 3
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sents:
        trainer.append(sentence_features(words), repair_bio(tags))
    trainer.set_params({"max_iterations": 30, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    export(tmp_path / "m.crfsuite", tmp_path / "m.npz")
    ours = Tagger.load(tmp_path / "m.npz")
    ref = pycrfsuite.Tagger()
    ref.open(str(tmp_path / "m.crfsuite"))
    tests = [w for w, _ in sents[:2]] + ["زار الرئيس باريس".split(), ["قال"], "و الأمم المتحدة".split()]
    assert ours.tag_many(tests) == [ref.tag(sentence_features(w)) for w in tests]


def test_numpy_lstm_equals_torch(tmp_path):
    """The numpy forward pass gives torch's tag scores for a small model built here."""
    pytest.importorskip("torch", reason="torch is not installed: pip install -e '.[train]'")
    import sys
    from pathlib import Path

    import numpy as np
    import torch

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
    import train_neural_ner as tn

    from kg.extract.ner.neural import NeuralTagger

    torch.manual_seed(0)
    sents = parse_conll(CONLL)
    words = ["قال", "الرئيس", "باريس", "طرابلس"]
    vectors = np.random.default_rng(0).normal(size=(len(words), 8)).astype(np.float32)
    fz = tn.Featuriser(words, (w for s, _ in sents for w in s), min_count=1)
    model = tn.build_model(vectors, len(fz.feats), 6, 5, 0.0)
    for p in model.parameters():  # random, not the zero-initialised transitions
        if p.requires_grad:
            torch.nn.init.normal_(p, std=0.3)
    model.eval()
    tn.export(model, fz, words, tmp_path / "n.npz")
    ours = NeuralTagger.load(tmp_path / "n.npz")
    data = tn.encode(sents, fz)
    emb, feats, offs, lengths, _, _, order = next(tn.batches(data, len(data)))
    with torch.no_grad():
        ref = model.emissions(emb, feats, offs, lengths).numpy()
    mine, _ = ours.emissions([sents[k][0] for k in order])
    for r, n in enumerate(lengths.tolist()):
        # float16 storage of vectors and feature rows: close, not identical
        assert np.allclose(mine[r, :n], ref[r, :n], atol=2e-2), (mine[r, :n], ref[r, :n])


# ------------------------------------------------------------------ features


def test_clitic_forms_share_the_bare_norm():
    assert word_features("وبطرابلس")[0] == word_features("طرابلس")[0] == "طرابلس"
    assert word_features("لليبيا")[0] == "ليبيا"
    assert "P" in word_features("وبطرابلس")[1] and "C" in word_features("وبطرابلس")[1]
    assert "T" in word_features("الرئيس")[1]
    assert "D" in word_features("الفرنسي")[1]


# ------------------------------------------------------------------ registry


def test_registry_names():
    assert {"rules", "model", "crf", "combined", "camel"} <= set(names())
    with pytest.raises(ValueError, match="unknown recogniser"):
        get_recogniser("nope")


def test_rules_give_the_name_without_the_post():
    text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس"
    found = _found(get_recogniser("rules"), text)
    assert ("إيمانويل ماكرون", "PERS") in found
    assert ("باريس", "LOC") in found


def test_combined_keeps_model_spans_and_adds_rules():
    assert merge([(0, 5, "PERS")], [(0, 9, "PERS"), (12, 15, "LOC")]) == [(0, 5, "PERS"), (12, 15, "LOC")]


@pytest.mark.skipif(
    importlib.util.find_spec("camel_tools") is not None,
    reason="camel_tools is installed (.[camel]): the backend loads instead of explaining how to install it",
)
def test_camel_backend_says_how_to_install():
    with pytest.raises(RuntimeError) as err:
        get_recogniser("camel")
    msg = str(err.value)
    assert "pip install -e .[camel]" in msg
    assert "camel_data -i ner-arabert" in msg


# ------------------------------------------------------------------ conll + scorer

CONLL = """\
قال O
الرئيس O
إيمانويل B-PER
ماكرون I-PER
في O
باريس B-LOC

زار O
وفد O
الأمم B-ORG
المتحدة I-ORG
طرابلس B-LOC
و O
كأس B-MIS2
العالم I-MIS2
"""


def test_parse_and_spans():
    sents = parse_conll(CONLL)
    assert len(sents) == 2
    assert sents[0][1][2:4] == ["B-PERS", "I-PERS"]
    assert sents[1][1][6] == "B-MISC"
    assert bio_spans(sents[0][1]) == {(2, 4, "PERS"), (5, 6, "LOC")}
    assert norm_tag("OO") == "O"
    assert bio_spans(["I-LOC", "I-LOC", "O"]) == {(0, 2, "LOC")}
    assert repair_bio(["O", "I-LOC", "B-PERS", "I-ORG"]) == ["O", "B-LOC", "B-PERS", "B-ORG"]
    _train, dev = split_sentences(list(range(100)))
    assert len(dev) == 10 and dev[0] == 90


def test_spans_to_tokens_takes_whole_tokens():
    offsets = [(0, 3), (4, 11)]  # "قال وبطرابلس"
    assert spans_to_tokens([(6, 11, "LOC")], offsets) == {(1, 2, "LOC")}
    assert spans_to_tokens([(0, 11, "PER")], offsets) == {(0, 2, "PERS")}


def _fixed(answers):
    """A recogniser that returns, for each sentence text, spans of the given words."""

    def rec(text):
        out = []
        for word, label in answers.get(text.split()[0], []):
            k = text.find(word)
            out.append((k, k + len(word), label))
        return out

    return rec


def test_score_known_numbers():
    rec = _fixed(
        {
            # sentence 1: PERS exact (tp), LOC wrong type (fp ORG, fn LOC)
            "قال": [("إيمانويل ماكرون", "PER"), ("باريس", "ORG")],
            # sentence 2: ORG too short (fp+fn), LOC exact (tp), MISC missed (fn)
            "زار": [("الأمم", "ORG"), ("طرابلس", "LOC")],
        }
    )
    s = score_text(CONLL, rec)
    assert s["overall"]["tp"] == 2 and s["overall"]["fp"] == 2 and s["overall"]["fn"] == 3
    assert s["overall"]["p"] == 0.5
    assert s["overall"]["r"] == 0.4
    assert s["overall"]["f1"] == pytest.approx(0.4444, abs=1e-4)
    assert s["per_type"]["PERS"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0, "support": 1}
    assert s["per_type"]["LOC"]["p"] == 1.0 and s["per_type"]["LOC"]["r"] == 0.5
    assert s["per_type"]["ORG"]["f1"] == 0.0 and s["per_type"]["ORG"]["fp"] == 2
    assert s["per_type"]["MISC"]["r"] == 0.0 and s["per_type"]["MISC"]["support"] == 1
    lo, hi = s["f1_interval"]  # bootstrap over the two sentences
    assert 0.0 <= lo <= s["overall"]["f1"] <= hi <= 1.0
    table = format_table(s)
    assert "overall" in table and "PERS" in table and "interval" in table


def test_f1_interval_narrows_with_more_sentences():
    from kg.extract.ner.evaluate import f1_interval

    assert f1_interval([(1, 0, 0)] * 5) == [1.0, 1.0]
    assert f1_interval([]) == [0.0, 0.0]
    few = f1_interval([(1, 0, 0), (0, 1, 1)] * 10)
    many = f1_interval([(1, 0, 0), (0, 1, 1)] * 1000)
    assert few[0] < many[0] <= 0.5 <= many[1] < few[1]


def test_score_conll_file_and_cli_entry(tmp_path, capsys):
    from kg.extract.ner.evaluate import main, score_conll

    f = tmp_path / "tiny.conll"
    f.write_text(CONLL, encoding="utf-8")
    perfect = score_conll(
        f,
        _fixed(
            {
                "قال": [("إيمانويل ماكرون", "PERS"), ("باريس", "LOC")],
                "زار": [("الأمم المتحدة", "ORG"), ("طرابلس", "LOC"), ("كأس العالم", "MIS")],
            }
        ),
    )
    assert perfect["overall"]["f1"] == 1.0
    assert main([str(f), "--ner", "rules", "--format", "json"]) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    assert out["ner"] == "rules" and "overall" in out and "per_type" in out


def test_model_mentions_join_the_rules_ones():
    from kg.arabic.tokens import tokenize
    from kg.extract.mentions import find_mentions
    from kg.extract.ner.found import add_model_mentions

    text = "وصل جون كيري أمس وبطرابلس التقى مسؤولين"
    toks = tokenize(text)
    rules = find_mentions(toks)
    found = add_model_mentions(text, toks, rules)
    assert all(f in found for f in rules)
    for f in found:
        assert text[f.start : f.end].strip() == text[f.start : f.end]
        assert 0 <= f.first <= f.last < len(toks)
    places = [f for f in found if f.kind == "place"]
    assert any(f.key == "طرابلس" and text[f.start : f.end] == "طرابلس" for f in places)


def test_a_name_found_once_is_tagged_where_the_batch_repeats_it() -> None:
    from kg.extract.ner.consistency import propagate

    sents = [["وقال", "الأهلي", "إن"], ["وعن", "خطة", "للأهلي"], ["قرر", "النادي"]]
    tags = [["O", "B-ORG", "O"], ["O", "O", "O"], ["O", "O"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "O", "B-ORG"]  # the clitic form is the same name
    assert out[0] == tags[0] and out[2] == tags[2]
    # A word tagged once in ten occurrences is a common word the tagger slipped on.
    sents = [["قال", "الرئيس"]] * 9 + [["الرئيس", "قال"]]
    tags = [["O", "O"]] * 9 + [["B-PERS", "O"]]
    assert propagate(sents, tags)[:9] == tags[:9]
