namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>
/// The store could not read or write (disk full or read-only, file locked, database server gone). Nothing of the
/// operation was kept; the caller may try again once the store is back, which the answer (503 with Retry-After) says.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
