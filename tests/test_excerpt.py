"""A long quote or title cut to the cells a column has: Hangul takes two cells a syllable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.excerpt import cells, excerpt


def test_a_korean_title_is_cut_to_the_cells_of_its_column() -> None:
    title = '국정원 "북한군 일부 전투 투입…추가 파병 가능성"'
    cut = excerpt(title, 30)
    assert cells(cut) <= 30 and cut.startswith("국정원") and cut.endswith('가능성"') and " … " in cut


def test_a_quote_is_cut_between_words_not_inside_one() -> None:
    """Both halves end at a word's edge (Korean words are spaced too); one long word is still cut."""
    quote = "North Korean troops were deployed to the Kursk region in early November, officials said"
    cut = excerpt(quote, 50)
    assert cells(cut) <= 50 and cut == "North Korean troops … officials said", cut
    korean = "국가정보원은 북한군 일부가 이미 전투에 투입된 것으로 보인다고 밝혔다"
    cut = excerpt(korean, 40)
    assert cut == "국가정보원은 … 보인다고 밝혔다", cut
    assert excerpt("Supercalifragilisticexpialidocious" * 3, 20).count("…") == 1


@given(
    text=st.text(alphabet=st.sampled_from("가나다라 abc한국어 English ,."), max_size=80),
    limit=st.integers(8, 60),
)
def test_an_excerpt_never_takes_more_cells_than_given(text: str, limit: int) -> None:
    cut = excerpt(text, limit)
    assert cells(cut) <= limit
    if "…" in cut and "…" not in text:  # each half is the text's own start and end
        head, tail = cut.split(" … ")
        flat = " ".join(text.split())
        assert flat.startswith(head.rstrip()) and flat.endswith(tail.lstrip())
    if cells(" ".join(text.split())) <= limit:
        assert cut == " ".join(text.split())
