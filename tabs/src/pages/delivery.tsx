// First: the network's plan starts downloading while the rest of this script is evaluated.
import '../delivery/early';
import { mount } from '../shell/mount';
import { DeliveryPage } from '../delivery/DeliveryPage';

mount(<DeliveryPage />, 'delivery.title');
