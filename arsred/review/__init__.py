"""`arsred review OUT`: a static, offline review site of an extracted OUT (OUT/review/).

`index.html` lists the documents; `<doc_id>.html` shows each page as it reads, every figure
marked verified, unverified or failed, and the failed checks with their figures.
"""
from arsred.review.builder import build_review, fact_status

__all__ = ["build_review", "fact_status"]
