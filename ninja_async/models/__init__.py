"""Typed models of the v4 API's objects, and the converter between them and the wire (spec §5).

``structure``/``structure_list`` turn decoded JSON into models and raise ``ResponseDecodeError`` (with the
path of the bad value) for anything else; ``unstructure`` gives the wire form back, unknown keys included.
"""

from .account import Account, AccountEmailSettings, Dashboard, EmailTemplates, User, UserAccount
from .base import Entity, Model
from .converter import structure, structure_list, unstructure
from .entities import (
    Activity,
    Client,
    Contact,
    Credit,
    Document,
    Invitation,
    Invoice,
    InvoiceItem,
    Payment,
    Quote,
)
from .work import (
    Expense,
    ExpenseCategory,
    PaymentTerm,
    Product,
    Project,
    Task,
    TaskStatus,
    TaxRate,
    Vendor,
    VendorContact,
)

__all__ = [
    "Account",
    "AccountEmailSettings",
    "Activity",
    "Client",
    "Contact",
    "Credit",
    "Dashboard",
    "Document",
    "EmailTemplates",
    "Entity",
    "Expense",
    "ExpenseCategory",
    "Invitation",
    "Invoice",
    "InvoiceItem",
    "Model",
    "Payment",
    "PaymentTerm",
    "Product",
    "Project",
    "Quote",
    "Task",
    "TaskStatus",
    "TaxRate",
    "User",
    "UserAccount",
    "Vendor",
    "VendorContact",
    "structure",
    "structure_list",
    "unstructure",
]
