from kiosk.layout.rows import even_rows


def test_rows_are_as_even_as_they_can_be():
    assert even_rows(7, 4) == [4, 3]
    assert even_rows(7, 3) == [3, 2, 2]
    assert even_rows(7, 2) == [2, 2, 2, 1]
    assert even_rows(6, 3) == [3, 3]
    assert even_rows(5, 3) == [3, 2]
    assert even_rows(4, 4) == [4]
    assert even_rows(0, 3) == []
    assert even_rows(3, 0) == [1, 1, 1]
