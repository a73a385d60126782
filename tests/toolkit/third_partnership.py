"""Build a third, fictional partnership file from Exampleton's, with other level names and rules."""

from pathlib import Path

import yaml
import yaml_data

SRC = Path(__file__).resolve().parents[2] / "examples" / "fictional-four-levels.yml"
RENAME = {
    "thriving": "doing-well",
    "emerging": "extra-support",
    "targeted-early-help": "family-support",
    "statutory-social-work": "social-care",
    "everyday-services": "universal-services",
    "universal-plus": "setting-plan",
    "family-help": "family-support-plan",
    "child-in-need-assessment": "needs-assessment",
    "protection-enquiry": "safeguarding-enquiry",
}


class NoAlias(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def ren(x):
    if isinstance(x, dict):
        return {k: ren(v) for k, v in x.items()}
    if isinstance(x, list):
        return [ren(v) for v in x]
    if isinstance(x, str) and x in RENAME:
        return RENAME[x]
    return x


def build(out):
    d = yaml_data.read(SRC)
    d = ren(d)
    d.pop("scenarios", None)
    d.pop("scenario_sets", None)
    d["partnership"] = {
        "name": "Thirdshire Children's Partnership (fictional test file)",
        "short_name": "TCP",
        "area": "the fictional county of Thirdshire",
    }
    d["glossary"] = {
        "TCP": "Thirdshire Children's Partnership",
        "LADO": "Local Authority Designated Officer (fictional example)",
    }
    d["document"]["title"] = "Thirdshire Levels of Help (fictional)"
    d["document"]["version"] = "0.1-third"
    d["age_range"] = {"youngest": 0, "oldest": 17, "text": "children aged 0 to 17 (fictional)"}
    names = {
        "doing-well": "Doing well",
        "extra-support": "Extra support in the setting",
        "family-support": "Family support",
        "social-care": "Children's social care",
    }
    for lv in d["levels"]:
        lv["name"] = names[lv["id"]]
    # the statutory protective route: telephone first, and a later step that does seek consent
    for lv in d["levels"]:
        for r in lv["routes"]:
            if r["id"] == "safeguarding-enquiry":
                r["next_steps"].append(
                    {
                        "text": "Fictional example: where it is safe, ask the family for "
                        "their consent and record their answer.",
                        "seeks_consent": True,
                    }
                )
    d["themes"] = [{"id": "school", "name": "School"}, {"id": "online", "name": "Online life"}]
    d["indicators"] += [
        {
            "id": "talks-to-strangers-online",
            "level": "extra-support",
            "domain": "safety-outside",
            "theme": "online",
            "age": {"at_least": 10},
            "synonyms": ["online", "strangers"],
            "text": "Talks to strangers online, aged 10 or over (fictional)",
        },
        {
            "id": "shares-images",
            "level": "extra-support",
            "domain": "safety-outside",
            "theme": "online",
            "synonyms": ["nudes", "sexting"],
            "text": "Sends pictures of themselves to others online (fictional)",
        },
        {
            "id": "hit-by-parent",
            "level": "family-support",
            "domain": "home-family",
            "describes_harm": True,
            "synonyms": ["hit", "smacked"],
            "text": "Hit by a parent, leaving marks (physical abuse) (fictional)",
        },
        {
            "id": "baby-not-feeding",
            "level": "extra-support",
            "domain": "health-growing",
            "age": {"unborn": True, "under": 1},
            "synonyms": ["feeding"],
            "text": "Baby not feeding well, unborn or under 1 (fictional)",
        },
        {
            "id": "teen-self-neglect",
            "level": "family-support",
            "domain": "health-growing",
            "age": {"at_least": 13, "under": 18},
            "synonyms": ["self neglect"],
            "text": "A teenager, 13 or over, not looking after themselves (fictional)",
        },
    ]
    # The fictional file's own questions (its rules read them), and one of this file's own.
    d["own_questions"] = [
        *d.get("own_questions", ()),
        {
            "id": "violent-ex-returning",
            "text": "Is a violent former partner about to return to the home? (fictional third)",
        },
    ]
    rules = [r for r in d["rules"] if r["id"] not in ("young-adult", "three-together")]
    rules += [
        {
            "id": "images-under-twelve",
            "kind": "raise",
            "describes_harm": True,
            "when": {"indicators": ["shares-images"], "age": {"under": 12}},
            "level": "social-care",
            "text": "Fictional example: sexual images of a child under 12 shared with adults are sexual abuse.",
            "source": "Fictional third file",
        },
        {
            "id": "violent-ex",
            "kind": "raise",
            "describes_immediate_risk": True,
            "when": {"answers": {"violent-ex-returning": ["yes"]}},
            "level": "social-care",
            "text": "Fictional example: imminent risk of harm where a violent former partner is about to return.",
            "source": "Fictional third file",
        },
        {
            "id": "two-of-three-at-home",
            "kind": "raise",
            "describes_harm": True,
            "when": {
                "at_least": {
                    "count": 2,
                    "indicators": ["frightening-arguments", "parent-drink-drugs", "parent-low-mood"],
                }
            },
            "level": "social-care",
            "text": "Fictional example: any two of these together mean the child "
            "is being harmed and needs social care.",
            "source": "Fictional third file",
        },
        {
            "id": "online-and-school",
            "kind": "raise",
            "when": {"at_least": {"count": 2, "themes": ["online", "school"]}},
            "level": "family-support",
            "text": "Fictional example: worries online and at school together need family support.",
            "source": "Fictional third file",
        },
        {
            "id": "teen-and-arguments",
            "kind": "raise",
            "when": {"all_of": {"indicators": ["teen-self-neglect", "hangs-around-late"]}},
            "level": "social-care",
            "text": "Fictional example: a teenager not looking after themselves "
            "and out late, both together, needs social care.",
            "source": "Fictional third file",
        },
    ]
    for r in rules:
        if r["id"] == "two-or-more-emerging":
            r["when"]["at_least"]["indicators"] = [
                "tired",
                "misses-school",
                "hangs-around-late",
                "talks-to-strangers-online",
                "baby-not-feeding",
            ]
    d["rules"] = rules
    d["filter_examples"] = ["wagging", "mould"]
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Fictional third partnership for class-case tests. Not real guidance.\n")
        yaml.dump(d, f, Dumper=NoAlias, allow_unicode=True, sort_keys=False, width=1000)
