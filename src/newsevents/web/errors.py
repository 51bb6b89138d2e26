"""API errors: each carries its HTTP status; one handler renders them all as JSON."""
from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, SkippedInput


class ApiError(Exception):
    """An error with an HTTP status and a message safe to show to the client."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class PayloadTooLarge(ApiError):
    status = 413


class Unprocessable(ApiError):
    status = 422


class Unavailable(ApiError):
    status = 503


class InsufficientStorage(ApiError):
    status = 507


# FastAPI's status for a body its JSON parser gave up on with something other than a
# JSONDecodeError (a UnicodeDecodeError, a RecursionError).
BODY_PARSE_STATUS = 400


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    """The JSON body of every error response."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for a route's error statuses, so clients (and schemathesis) know
    every status the route may answer and the shape of its body."""
    return {status: {"model": ErrorBody, "description": HTTPStatus(status).phrase} for status in statuses}


def input_reason(err: InputError) -> str:
    """The client's message for an input the library refused. Another language is a skip, as
    on the command line, not an error (issue 13); the page shows it as one."""
    if isinstance(err, SkippedInput):
        return (f"skipped: {err}; this server codes English only (the command line's --any-language "
                "keeps other languages)")
    return str(err)


def error_body(status: int, message: str) -> dict[str, object]:
    """The JSON shape of every error: never a stack trace."""
    return {"error": {"status": status, "message": message}}


def install_error_handlers(app: FastAPI) -> None:
    """Render ApiError, HTTP errors, validation errors and anything unexpected as JSON."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, err: ApiError) -> JSONResponse:
        return JSONResponse(error_body(err.status, err.message), status_code=err.status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, err: StarletteHTTPException) -> JSONResponse:
        if err.status_code == BODY_PARSE_STATUS and isinstance(err.__cause__, ValueError | RecursionError):
            # FastAPI answers 400 "There was an error parsing the body" when the JSON is not
            # UTF-8 or nests too deep, but 422 for other malformed JSON: one status for all
            # malformed bodies (issue 8).
            return JSONResponse(error_body(422, "invalid request: the body is not valid JSON in UTF-8"), status_code=422)
        # The exception's headers are kept: a 405 must say which methods are allowed (Allow,
        # RFC 9110), and dropping them was a bug schemathesis found (issue 8).
        return JSONResponse(error_body(err.status_code, str(err.detail)), status_code=err.status_code,
                            headers=getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, err: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in err.errors()[:5])
        return JSONResponse(error_body(422, f"invalid request: {problems}"), status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _err: Exception) -> JSONResponse:
        return JSONResponse(error_body(500, "internal error"), status_code=500)
