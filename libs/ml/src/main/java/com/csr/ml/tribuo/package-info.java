/**
 * The bridge between customer features and Tribuo: how features become examples for each kind of model, seeds,
 * saving and loading models as protobuf, and the one adapter that scores XGBoost boosters directly.
 */
package com.csr.ml.tribuo;
