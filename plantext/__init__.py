"""plantext: structured, verifiable data from Chinese government plan documents.

>>> import plantext
>>> plan = plantext.extract("corpora/qinghai-14th-eco-plan.pdf")
>>> plan.outline[0].title
'准确把握生态环境保护新形势'

Heavy libraries (pdfplumber, pydantic models, jieba) are imported only when
``extract`` is first called, so ``import plantext`` and the CLI start fast.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "PlantextError"]


def __getattr__(name):
    # Lazy attributes keep `import plantext` cheap (see module docstring).
    if name == "extract":
        from plantext.api import extract

        return extract
    if name == "PlantextError":
        from plantext.errors import PlantextError

        return PlantextError
    raise AttributeError(f"module 'plantext' has no attribute {name!r}")
