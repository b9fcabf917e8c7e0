"""A long quote or title cut to the cells a column has: Hangul takes two cells a syllable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.excerpt import cells, excerpt


def test_a_korean_title_is_cut_to_the_cells_of_its_column() -> None:
    title = '국정원 "북한군 일부 전투 투입…추가 파병 가능성"'
    cut = excerpt(title, 30)
    assert cells(cut) <= 30 and cut.startswith("국정원") and cut.endswith('가능성"') and " … " in cut


@given(
    text=st.text(alphabet=st.sampled_from("가나다라 abc한국어 English ,."), max_size=80),
    limit=st.integers(8, 60),
)
def test_an_excerpt_never_takes_more_cells_than_given(text: str, limit: int) -> None:
    cut = excerpt(text, limit)
    assert cells(cut) <= limit
    if cells(" ".join(text.split())) <= limit:
        assert cut == " ".join(text.split())
