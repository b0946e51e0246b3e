"""Classroom tools for instructors: grade a class's quiz results and export a bank to an LMS.

Run `python -m widgets.classroom --help`. The quiz bank and results formats are those of the
quiz widget (see QUIZ_FORMAT in the quiz package); scoring is the quiz package's own.
"""
