package com.csr.gateway.portfolio;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the page's items
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total items in the whole list
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}
