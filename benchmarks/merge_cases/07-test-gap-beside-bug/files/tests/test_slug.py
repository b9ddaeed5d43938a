from text.slug import slugify


def test_spaces_become_dashes():
    assert slugify("Hello World") == "hello-world"


def test_long_titles_are_cut():
    assert len(slugify("a" * 100)) == 60
