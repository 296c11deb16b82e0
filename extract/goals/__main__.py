"""python -m arsred.extract.goals OUT_DIR REPORT ... writes OUT_DIR/goals.csv."""
import logging
import sys

from arsred.extract.goals.find import write_goals_csv

logging.basicConfig(level=logging.INFO)
write_goals_csv(sys.argv[2:], sys.argv[1])
