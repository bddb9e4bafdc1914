"""What in a question is context rather than what it asks: the conference described in everyday
words, and whether a question points back to the asker's introduction.

The matcher reads the question without these before ranking (``Matcher._question_tokens``).
"""

from __future__ import annotations

import re

#: Words that make what is left of a small-talk message a question of its own.
QUESTION_WORDS = frozenset({"ai", "gi", "j", "nao", "dau", "sao", "bao", "who", "what", "when", "where", "why",
                            "how", "which"})
#: A question that points back to the asker's introduction ("điểm cầu tỉnh tôi", "in my country", "ở
#: đây"; not "em hỏi bài ở đây" or "can I ask here", asking the bot). Lower case: searched in the question
#: lower-cased (``points_back``), which is quicker than a search that ignores case; one word boundary before all
#: alternatives, so that the words before "ở đây", "here" are read only at the start of a word.
_POINTS_BACK = re.compile(r"\b(?:(?:tỉnh|quê|nước|xứ|huyện|thành phố)\s+"
                          r"(?:tôi|mình|em|chúng tôi|bọn mình|chúng ta|nhà|con|cháu|bác|chú|cô(?! tô))\b|"
                          # the asker's organisation: "hội nghị giao gì cho hội của chị", "our union"
                          r"(?:hội|đoàn)\s+(?:của\s+)?(?:tôi|mình|em|chị|chúng tôi|bọn mình|tui|bác)\b|"
                          r"(?:my|our)\s+(?:country|province|city|home|union|association)\b|"
                          # the place of someone the asker named: "tỉnh bạn ấy", "huyện của người quen đó"
                          r"(?:tỉnh|quê|huyện|xã|thành phố)\s+(?:của\s+)?"
                          r"(?:bạn|người quen|anh|chị|ông|bà|cô|chú|bác|họ)\s+(?:ấy|đó|kia)\b|"
                          r"(?<!hỏi )(?<!bài )ở đây\b|"
                          # the asker's side, in the South: "Cần Thơ cũng có điểm cầu hả, bên e ai dự"
                          r"bên\s+(?:em|e|mình|tôi|tui|tao|tớ)\s+(?:ai\b|có (?:ai|dự|được|điểm cầu)\b|dự\b|thì sao\b|"
                          r"được (?:dự|nêu|nhắc|mời)\b)|"
                          r"(?<!ask )here\b)")
#: A question that points back to the subject its introduction named: "Em viết tiểu luận về người theo
#: đạo, hội nghị nhận xét gì về mảng này?".
REFERS_BACK = re.compile(r"\b(?:mảng|vấn đề|chủ đề|lĩnh vực|chuyện|đối tượng|nhóm|khối|phần|khía cạnh)\s+"
                         r"(?:này|đó|ấy|nói trên)\b|"
                         r"\b(?:this|that) (?:topic|area|issue|subject|group|section|part)\b|"
                         # "I am also curious about … . Were they mentioned …?", "… họ có được nhắc tới không"
                         r"\b(?:were|are|was|is) (?:they|them|those|these) (?:ever )?(?:mentioned|included|covered|"
                         r"named|discussed|addressed)\b|\bhọ có được (?:nhắc|nói|đề cập)|"
                         # "What does the report say was achieved there?" (not "is there", "there were")
                         r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )\bthere\b(?!\s+(?:is|are|was|were|any|be)\b)",
                         re.IGNORECASE)
#: A question pointing back at what the sentences before it tell by a word for it, folded: "Bài có nội dung này
#: không?", "Bản tin có ghi giờ cụ thể như vậy không?" (not a bare "it": "Is it true the conference had 63 bridge
#: points?" says all it asks).
TO_WHAT_WAS_SAID = re.compile(r"\b(?:noi dung|dieu|chuyen|viec|thong tin|tin|y|cau) (?:nay|do|ay)\b|"
                              r"\bnhu (?:vay|the)\b")
#: …or by a bare pronoun, in English: "is that in the report?".
TO_WHAT_WAS_TOLD = re.compile(TO_WHAT_WAS_SAID.pattern + r"|\b(?:this|that|it|these|those)\b")
#: Words that ask, once a description of the conference is set aside (folded).
ASKING_WORDS = QUESTION_WORDS | {"may", "khong", "ko", "k", "gi", "nhu", "ntn", "hay", "or", "phai", "dung"}
#: The year's last day as a description's end, folded: "(hội nghị) vào ngày cuối cùng của năm 2020".
_LAST_DAY = ["cuoi", "cung", "cua", "nam", "2020"]
#: How many words a description of the conference ("hội nghị … cuối năm 2020") may run to.
DESCRIPTION_WORDS = 14
#: Fewer words than this, left beside small talk or a description, make no question of their own.
MIN_QUESTION_WORDS = 3


def points_back(text: str) -> bool:
    """Whether a question points back to the asker's introduction (``_POINTS_BACK``)."""
    return bool(_POINTS_BACK.search(text.lower()))


#: What a question may say was done by someone it names, folded: "(hội nghị) do Ban Dân vận Trung ương tổ chức".
_DONE_BY = (("to", "chuc"), ("chu", "tri"), ("trinh", "bay"), ("ket", "luan"), ("phat", "bieu"))
#: What was done: the conference, a meeting, the report.
_DONE_WHAT = (("hoi", "nghi"), ("cuoc", "hop"), ("buoi", "hop"), ("bao", "cao"), ("tom", "tat"))
#: How many words may name who did it ("đồng chí Phó Trưởng Ban Dân vận Trung ương").
_AGENT_WORDS = 8


def without_agent(tokens: list[str]) -> list[str]:
    """The question less a clause telling who did what it asks about, which is context.

    "tên đầy đủ của hội nghị do Ban Dân vận Trung ương tổ chức là gì", "báo cáo tóm tắt do đồng chí
    Lĩnh trình bày gồm những nội dung nào" ask the name and the contents: the organizer and the
    presenter, told, would pull them to the answers that tell who organized and who presented. Only
    when the rest asks with a question word; "do ai chủ trì" asks the agent, and "hội nghị do Ban
    Tuyên giáo tổ chức, đúng không?" checks it.
    """
    for k in range(2, len(tokens) - 2):
        if tokens[k] != "do" or tuple(tokens[k - 2:k]) not in _DONE_WHAT:
            continue
        for j in range(k + 2, min(len(tokens) - 1, k + 2 + _AGENT_WORDS)):
            if tuple(tokens[j:j + 2]) in _DONE_BY:
                agent, rest = tokens[k + 1:j], tokens[:k] + tokens[j + 2:]
                if not QUESTION_WORDS & set(agent) and QUESTION_WORDS & set(tokens[j + 2:]):
                    return rest
                break
    return tokens


def without_description(tokens: list[str]) -> list[str]:
    """The question less its description of the conference, which is context.

    "cuộc họp tổng kết việc vận động quần chúng hồi cuối năm 2020 do cơ quan nào đứng ra tổ chức",
    "hội nghị tổng kết nhiệm kỳ XII được tổ chức theo hình thức nào" ask who organized it and in
    what form: the words from "hội nghị" to "cuối năm 2020" ("ngày cuối cùng của năm 2020") or
    "nhiệm kỳ (Đại hội) XII" say which conference, and would pull the question to the answers that
    repeat them. Only when a question follows, or ends with it, without a number ("… cuối năm 2020
    đó triển khai nhiệm vụ cho năm 2022?" compares years).
    """
    for i in range(len(tokens) - 1):
        if tokens[i:i + 2] == ["hoi", "nghi"]:
            for j in range(i + 3, min(len(tokens), i + 2 + DESCRIPTION_WORDS)):
                if tokens[j - 2:j + 1] == ["cuoi", "nam", "2020"] or tokens[j - 4:j + 1] == _LAST_DAY or (
                        tokens[j] == "12" and (
                        tokens[j - 2:j] == ["nhiem", "ky"] or tokens[j - 4:j] == ["nhiem", "ky", "dai", "hoi"])):
                    rest = tokens[j + 1:]
                    if len(rest) >= MIN_QUESTION_WORDS and set(rest) & ASKING_WORDS and \
                            not any(t.isdigit() for t in rest):
                        return tokens[:i + 2] + rest
                    before = tokens[:i]  # "ai chủ trì cuộc họp về vận động quần chúng hồi cuối năm 2020"
                    if not rest and len(before) >= MIN_QUESTION_WORDS and set(before) & ASKING_WORDS and \
                            not any(t.isdigit() for t in before):
                        return tokens[:i + 2]
                    return tokens
            return tokens
    return tokens
