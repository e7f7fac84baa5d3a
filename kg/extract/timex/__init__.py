"""Time expressions in Arabic news: find them, and normalise them against the article's date.

``find_times(text, dct)`` returns ``kg.model.TimeExpression`` objects with offsets into
``text``. It reads relative days (اليوم، أمس، غداً), weekdays, month names of the
standard, Levantine, Maghrebi and Libyan (1986-2011) calendars, Hijri dates, numeric
dates, years, ranges, durations, sets and early/mid/late parts of a period.
"""

from kg.extract.timex.recognise import find_times

__all__ = ["find_times"]
