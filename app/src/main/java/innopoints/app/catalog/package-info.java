/**
 * The one list (一张清单): every clause of the loaded policy pack, searchable in Chinese and
 * filterable, as public pages, an Excel export and a JSON API; each clause with its exact words,
 * its rule in plain Chinese, the worked cases that prove its figures and the history of its words.
 */
package innopoints.app.catalog;
