"""Typed resource classes, one per row of the endpoint table. GENERATED: do not edit.

Written by ``python tools/generate_resources.py`` from ``ninja_async/endpoints.py``; a test fails when this
file and the table disagree. Each method is a typed, documented front for the generic implementation in
`ninja_async.resources.base.Resource`, so mypy sees real signatures while the behaviour lives in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Unpack

from ..endpoints import ENDPOINTS
from ..models import (
    Client,
    Contact,
    Credit,
    Document,
    Expense,
    ExpenseCategory,
    Invoice,
    Payment,
    PaymentTerm,
    Product,
    Project,
    Task,
    TaxRate,
    User,
    Vendor,
)
from ..pagination import Paginator
from .base import ActiveOptions, PageOptions, Requester, Resource, Since
from .operations import (
    Archivable,
    Convertible,
    Creatable,
    Deletable,
    Downloadable,
    Emailable,
    Gettable,
    PaidMarkable,
    Restorable,
    SentMarkable,
    Syncable,
    Timed,
    Updatable,
    Uploadable,
)

__all__ = [
    "ClientsResource",
    "ContactsResource",
    "CreditsResource",
    "DocumentsResource",
    "ExpenseCategoriesResource",
    "ExpensesResource",
    "InvoicesResource",
    "PaymentTermsResource",
    "PaymentsResource",
    "ProductsResource",
    "ProjectsResource",
    "QuotesResource",
    "Resources",
    "TasksResource",
    "TaxRatesResource",
    "UsersResource",
    "VendorsResource",
]


class ClientsResource(
    Syncable[Client],
    Creatable[Client],
    Updatable[Client],
    Archivable[Client],
    Restorable[Client],
    Deletable[Client],
    Resource[Client],
):
    """``/api/v1/clients``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        email: str | None = None,
        id_number: str | None = None,
        include: Sequence[Literal["invoices", "credits", "activities"]] = (),
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Client]:
        """List clients (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``email``,
        ``id_number``; ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "email": email, "id_number": id_number},
            include,
            **options,
        )

    async def get(
        self, id: int, *, include: Sequence[Literal["invoices", "credits", "activities"]] = ()
    ) -> Client:
        """Fetch one client by id (archived and deleted ones too), with ``include`` relations."""
        return await self._get(id, include=include)


class ContactsResource(
    Gettable[Contact],
    Syncable[Contact],
    Creatable[Contact],
    Updatable[Contact],
    Archivable[Contact],
    Restorable[Contact],
    Deletable[Contact],
    Resource[Contact],
):
    """``/api/v1/contacts``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Contact]:
        """List contacts (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            **options,
        )


class InvoicesResource(
    Syncable[Invoice],
    Creatable[Invoice],
    Updatable[Invoice],
    Archivable[Invoice],
    Restorable[Invoice],
    Deletable[Invoice],
    SentMarkable[Invoice],
    PaidMarkable[Invoice],
    Convertible[Invoice],
    Emailable[Invoice],
    Downloadable[Invoice],
    Resource[Invoice],
):
    """``/api/v1/invoices``: archive, convert, create, delete, download, email, get, list, mark_paid,
    mark_sent, restore, sync, update.
    """

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        invoice_number: str | None = None,
        status_id: int | None = None,
        is_recurring: bool | None = None,
        invoice_type_id: int | None = None,
        include: Sequence[Literal["invitations", "payments", "client", "documents"]] = (),
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Invoice]:
        """List invoices (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``,
        ``invoice_number``, ``status_id``, ``is_recurring``, ``invoice_type_id``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {
                "updated_at": updated_at,
                "client_id": client_id,
                "invoice_number": invoice_number,
                "status_id": status_id,
                "is_recurring": is_recurring,
                "invoice_type_id": invoice_type_id,
            },
            include,
            **options,
        )

    async def get(
        self, id: int, *, include: Sequence[Literal["invitations", "payments", "client", "documents"]] = ()
    ) -> Invoice:
        """Fetch one invoice by id (archived and deleted ones too), with ``include`` relations."""
        return await self._get(id, include=include)


class QuotesResource(
    Syncable[Invoice],
    Creatable[Invoice],
    Updatable[Invoice],
    Archivable[Invoice],
    Restorable[Invoice],
    Deletable[Invoice],
    SentMarkable[Invoice],
    Convertible[Invoice],
    Emailable[Invoice],
    Downloadable[Invoice],
    Resource[Invoice],
):
    """``/api/v1/quotes``: archive, convert, create, delete, download, email, get, list, mark_sent,
    restore, sync, update.
    """

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["invitations", "payments", "client", "documents"]] = (),
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Invoice]:
        """List quotes (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include,
            **options,
        )

    async def get(
        self, id: int, *, include: Sequence[Literal["invitations", "payments", "client", "documents"]] = ()
    ) -> Invoice:
        """Fetch one invoice by id (archived and deleted ones too), with ``include`` relations."""
        return await self._get(id, include=include)


class PaymentsResource(
    Syncable[Payment],
    Creatable[Payment],
    Updatable[Payment],
    Archivable[Payment],
    Restorable[Payment],
    Deletable[Payment],
    Resource[Payment],
):
    """``/api/v1/payments``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["client", "invoice"]] = (),
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Payment]:
        """List payments (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include,
            **options,
        )

    async def get(self, id: int, *, include: Sequence[Literal["client", "invoice"]] = ()) -> Payment:
        """Fetch one payment by id (archived and deleted ones too), with ``include`` relations."""
        return await self._get(id, include=include)


class CreditsResource(
    Gettable[Credit],
    Syncable[Credit],
    Creatable[Credit],
    Updatable[Credit],
    Archivable[Credit],
    Restorable[Credit],
    Deletable[Credit],
    Resource[Credit],
):
    """``/api/v1/credits``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Credit]:
        """List credits (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            **options,
        )


class TasksResource(
    Syncable[Task],
    Creatable[Task],
    Updatable[Task],
    Archivable[Task],
    Restorable[Task],
    Deletable[Task],
    Timed[Task],
    Resource[Task],
):
    """``/api/v1/tasks``: archive, create, delete, get, list, restore, sync, timer, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["client", "project"]] = (),
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Task]:
        """List tasks (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include,
            **options,
        )

    async def get(self, id: int, *, include: Sequence[Literal["client", "project"]] = ()) -> Task:
        """Fetch one task by id (archived and deleted ones too), with ``include`` relations."""
        return await self._get(id, include=include)


class ProductsResource(
    Gettable[Product],
    Syncable[Product],
    Creatable[Product],
    Updatable[Product],
    Archivable[Product],
    Restorable[Product],
    Deletable[Product],
    Resource[Product],
):
    """``/api/v1/products``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Product]:
        """List products (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at},
            **options,
        )


class ProjectsResource(
    Gettable[Project],
    Syncable[Project],
    Creatable[Project],
    Updatable[Project],
    Archivable[Project],
    Restorable[Project],
    Deletable[Project],
    Resource[Project],
):
    """``/api/v1/projects``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Project]:
        """List projects (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            **options,
        )


class TaxRatesResource(
    Gettable[TaxRate],
    Syncable[TaxRate],
    Creatable[TaxRate],
    Updatable[TaxRate],
    Archivable[TaxRate],
    Restorable[TaxRate],
    Deletable[TaxRate],
    Resource[TaxRate],
):
    """``/api/v1/tax_rates``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[TaxRate]:
        """List tax rates (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at},
            **options,
        )


class UsersResource(Syncable[User], Resource[User]):
    """``/api/v1/users``: list, sync."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[User]:
        """List users (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at},
            **options,
        )


class ExpensesResource(
    Syncable[Expense],
    Creatable[Expense],
    Updatable[Expense],
    Archivable[Expense],
    Restorable[Expense],
    Deletable[Expense],
    Resource[Expense],
):
    """``/api/v1/expenses``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        client_id: int | None = None,
        include: Sequence[Literal["documents"]] = (),
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Expense]:
        """List expenses (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``, ``client_id``;
        ``updated_at`` is inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at, "client_id": client_id},
            include,
            **options,
        )

    async def get(self, id: int, *, include: Sequence[Literal["documents"]] = ()) -> Expense:
        """Fetch one expense by id (archived and deleted ones too), with ``include`` relations."""
        return await self._get(id, include=include)


class DocumentsResource(
    Deletable[Document], Downloadable[Document], Uploadable[Document], Resource[Document]
):
    """``/api/v1/documents``: delete, download, list, upload."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        **options: Unpack[PageOptions],
    ) -> Paginator[Document]:
        """List documents (ordered by unspecified).

        This resource has no archived state. Filters: ``updated_at``; ``updated_at`` is inclusive (records
        updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `PageOptions`.
        """
        return self._list(
            {"updated_at": updated_at},
            **options,
        )


class VendorsResource(
    Gettable[Vendor],
    Syncable[Vendor],
    Creatable[Vendor],
    Updatable[Vendor],
    Archivable[Vendor],
    Restorable[Vendor],
    Deletable[Vendor],
    Resource[Vendor],
):
    """``/api/v1/vendors``: archive, create, delete, get, list, restore, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[Vendor]:
        """List vendors (ordered by updated_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at},
            **options,
        )


class ExpenseCategoriesResource(
    Syncable[ExpenseCategory],
    Creatable[ExpenseCategory],
    Updatable[ExpenseCategory],
    Resource[ExpenseCategory],
):
    """``/api/v1/expense_categories``: create, list, sync, update."""

    def list(
        self,
        *,
        updated_at: Since | None = None,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[ExpenseCategory]:
        """List expense categories (ordered by created_at desc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: ``updated_at``; ``updated_at`` is
        inclusive (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {"updated_at": updated_at},
            **options,
        )


class PaymentTermsResource(Creatable[PaymentTerm], Resource[PaymentTerm]):
    """``/api/v1/payment_terms``: create, delete, list."""

    def list(
        self,
        **options: Unpack[ActiveOptions],
    ) -> Paginator[PaymentTerm]:
        """List payment terms (ordered by num_days asc).

        Archived and deleted records are included, as v4 lists them by default; ``active_only=True`` (wire
        name ``filter_active``, also accepted) leaves them out. Filters: none; ``updated_at`` is inclusive
        (records updated at or after it).

        Await the result for the first page, or iterate it for every item; paging options are
        `ActiveOptions`.
        """
        return self._list(
            {},
            **options,
        )

    async def delete(self, num_days: int) -> PaymentTerm:
        """Archive the term with this ``num_days`` (v4 addresses terms by it; defaults refuse)."""
        return await self._delete(num_days)


class Resources:
    """Every resource of the table, as typed attributes (mixed into `NinjaClient`)."""

    clients: ClientsResource
    contacts: ContactsResource
    invoices: InvoicesResource
    quotes: QuotesResource
    payments: PaymentsResource
    credits: CreditsResource
    tasks: TasksResource
    products: ProductsResource
    projects: ProjectsResource
    tax_rates: TaxRatesResource
    users: UsersResource
    expenses: ExpensesResource
    documents: DocumentsResource
    vendors: VendorsResource
    expense_categories: ExpenseCategoriesResource
    payment_terms: PaymentTermsResource

    def _attach_resources(self, request: Requester, *, strict: bool = False) -> None:
        self.clients = ClientsResource(ENDPOINTS["clients"], request, strict=strict)
        self.contacts = ContactsResource(ENDPOINTS["contacts"], request, strict=strict)
        self.invoices = InvoicesResource(ENDPOINTS["invoices"], request, strict=strict)
        self.quotes = QuotesResource(ENDPOINTS["quotes"], request, strict=strict)
        self.payments = PaymentsResource(ENDPOINTS["payments"], request, strict=strict)
        self.credits = CreditsResource(ENDPOINTS["credits"], request, strict=strict)
        self.tasks = TasksResource(ENDPOINTS["tasks"], request, strict=strict)
        self.products = ProductsResource(ENDPOINTS["products"], request, strict=strict)
        self.projects = ProjectsResource(ENDPOINTS["projects"], request, strict=strict)
        self.tax_rates = TaxRatesResource(ENDPOINTS["tax_rates"], request, strict=strict)
        self.users = UsersResource(ENDPOINTS["users"], request, strict=strict)
        self.expenses = ExpensesResource(ENDPOINTS["expenses"], request, strict=strict)
        self.documents = DocumentsResource(ENDPOINTS["documents"], request, strict=strict)
        self.vendors = VendorsResource(ENDPOINTS["vendors"], request, strict=strict)
        self.expense_categories = ExpenseCategoriesResource(
            ENDPOINTS["expense_categories"], request, strict=strict
        )
        self.payment_terms = PaymentTermsResource(ENDPOINTS["payment_terms"], request, strict=strict)
